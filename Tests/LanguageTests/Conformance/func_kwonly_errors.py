def g(*, key):
    return key
try:
    g(1)
except TypeError as e:
    print(e)
try:
    g()
except TypeError as e:
    print(e)
print(g(key=5))
