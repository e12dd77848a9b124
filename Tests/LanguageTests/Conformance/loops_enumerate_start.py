for n, line in enumerate(['first', 'second'], start=1):
    print(f'{n}: {line}')
