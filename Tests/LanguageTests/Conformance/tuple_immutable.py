t = (1, 2)
try:
    t[0] = 3
except TypeError as e:
    print(e)
try:
    t.append(3)
except AttributeError as e:
    print(e)
