print('a', 1, None, [2], sep=' | ', end=' <END>\n')
print(*range(5), sep='')
print('no newline', end='')
print(' continued')
