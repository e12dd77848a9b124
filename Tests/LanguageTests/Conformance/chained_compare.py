x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6, x == 5 == 5.0)
print(1 < 2 > 1.5, 'a' < 'b' < 'c', [1] == [1] != [2])
print(x is not None, None is None, 1 in [1] in [[1]])
def noisy(v):
    print('eval', v)
    return v
print(noisy(1) < noisy(0) < noisy(5))
