print('ab'.center(7, '.'), '[' + 'ab'.ljust(5) + ']', '[' + 'ab'.rjust(5, '0') + ']', '7'.zfill(3), 'abc'.center(2))
