pairs = [(1, 'one'), (2, 'two'), (3, 'three')]
numbers, names = zip(*pairs)
print(numbers, names, list(zip(numbers, names)) == pairs)
