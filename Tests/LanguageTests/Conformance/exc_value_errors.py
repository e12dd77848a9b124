for text in ['12', '1.5', 'abc', '']:
    try:
        print(int(text))
    except ValueError as e:
        print(e)
for text in ['1.5', 'x']:
    try:
        print(float(text))
    except ValueError as e:
        print(e)
