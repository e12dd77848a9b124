s = 'abc'
try:
    s[0] = 'x'
except TypeError as e:
    print(e)
