def helper():
    pass
value = 3
names = [n for n in dir() if not n.startswith('_')]
print(names)
