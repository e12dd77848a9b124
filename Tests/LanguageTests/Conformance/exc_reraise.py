def parse(text):
    try:
        return int(text)
    except ValueError:
        print('logging failure for', repr(text))
        raise
try:
    parse('abc')
except ValueError as e:
    print('outer got:', e)
