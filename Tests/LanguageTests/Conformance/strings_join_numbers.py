nums = [1, 2, 3]
print(', '.join(map(str, nums)), ' + '.join(str(n) for n in nums) + ' = ' + str(sum(nums)))
