try:
    print(10.0 ** 400)
except OverflowError as e:
    print('OverflowError', e)
try:
    int(float('inf'))
except OverflowError as e:
    print(e)
try:
    int(float('nan'))
except ValueError as e:
    print(e)
