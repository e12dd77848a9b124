try:
    try:
        1 / 0
    except ValueError:
        print('not here')
    finally:
        print('inner finally')
except ZeroDivisionError:
    print('outer caught')
