print(dict(), dict(a=1, b=2), dict([('x', 1)]), dict({'k': 'v'}, z=0), {i: i * i for i in range(3)}, dict(zip('ab', [1, 2])))
