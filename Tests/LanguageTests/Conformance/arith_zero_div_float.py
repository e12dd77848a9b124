for op in ['/', '//', '%']:
    try:
        if op == '/': 1.0 / 0
        elif op == '//': 1.0 // 0
        else: 1.0 % 0
    except ZeroDivisionError as e:
        print(op, e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print(e)
