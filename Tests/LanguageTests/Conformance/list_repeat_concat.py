print([1, 2] + [3], [1] * 3 + [2], [] + [], [[1]] * 2)
try:
    [1] + (2,)
except TypeError as e:
    print(e)
