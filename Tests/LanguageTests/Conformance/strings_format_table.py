rows = [('loss', 0.12345), ('accuracy', 0.98765)]
for name, value in rows:
    print(f'{name:<10}|{value:>8.4f}|')
print('-' * 20)
print('{:^20}'.format('centered'))
