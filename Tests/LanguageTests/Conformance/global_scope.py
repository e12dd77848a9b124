counter = 0
def bump():
    global counter
    counter = counter + 1
    return counter
bump()
bump()
print(counter)
def read_only():
    return counter * 10
print(read_only())
x = 1
del x
try:
    print(x)
except NameError as e:
    print(e)
lst = [1, 2, 3]
del lst[1]
print(lst)
d = {'a': 1, 'b': 2}
del d['a'], d['b']
print(d)
