print([x * x for x in range(5)])
print([x for x in range(10) if x % 2 == 0 if x > 2])
print([(x, y) for x in range(3) for y in range(x)])
print({x: x ** 2 for x in range(4)})
print(sorted({c for c in "hello"}))
print(sum(x for x in range(10)), max(len(w) for w in ["a", "abc", "ab"]))
print([[j for j in range(i)] for i in range(4)])
x = 'outer'
print([x for x in 'ab'], x)
def scale(k):
    return [k * v for v in range(3)]
print(scale(10))
print(list(zip([1, 2, 3], 'abc')), list(enumerate('xy')), list(enumerate('xy', 1)))
print(list(map(lambda v: v + 1, [1, 2])), list(filter(None, [0, 1, 2, '', 'a'])))
print(list(reversed([1, 2, 3])), list(range(10, 0, -3)), list(range(0)))
