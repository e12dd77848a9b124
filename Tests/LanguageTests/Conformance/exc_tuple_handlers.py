def risky(kind):
    if kind == 0:
        return 1 / 0
    if kind == 1:
        return int('x')
    return [][0]
for k in range(3):
    try:
        risky(k)
    except (ZeroDivisionError, ValueError) as e:
        print('math or value:', e)
    except IndexError:
        print('index')
