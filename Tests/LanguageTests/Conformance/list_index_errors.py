a = [1, 2, 3]
for i in [0, -1, 3, -4]:
    try:
        print(a[i])
    except IndexError as e:
        print('IndexError', e)
try:
    a['x']
except TypeError as e:
    print(e)
