nums = [5, 2, 9, 1, 5, 6]
print(sorted(nums), sorted(nums, reverse=True), nums)
nums.sort(key=lambda v: -v)
print(nums)
pairs = [(1, 'b'), (0, 'c'), (1, 'a')]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: p[0], reverse=True))
print(sorted(['bb', 'a', 'ccc', 'dd'], key=len), sorted([3, 1, 2], key=None))
