x = 10
squares = [x * x for x in range(4)]
print(x, squares)
total = sum([x for x in range(5)])
print(total, x)
