a = [1, 2, 3]
a.insert(0, 0)
a.insert(100, 4)
a.insert(-1, 3.5)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
try:
    [].pop()
except IndexError as e:
    print(e)
