s = {1}
s.remove(1)
try:
    s.remove(1)
except KeyError as e:
    print('KeyError', e)
print(s, len(s))
