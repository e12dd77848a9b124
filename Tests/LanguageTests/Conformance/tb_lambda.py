square = lambda v: v * v
print(square('a'))
