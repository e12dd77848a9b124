for n in range(-2, 3):
    print('neg' if n < 0 else 'zero' if n == 0 else 'pos')
