def f():
    try:
        return 1
    finally:
        print('finally runs')
def g():
    try:
        raise KeyError('a')
    finally:
        print('cleanup before propagating')
print(f())
try:
    g()
except KeyError as e:
    print('caught', e)
