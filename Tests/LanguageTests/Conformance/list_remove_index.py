a = ['a', 'b', 'c', 'b']
a.remove('b')
print(a, a.index('b'), a.count('b'))
try:
    a.remove('z')
except ValueError as e:
    print(e)
try:
    a.index('z')
except ValueError as e:
    print(e)
