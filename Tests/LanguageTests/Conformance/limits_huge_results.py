# Results too large for memory raise MemoryError before anything is
# allocated; unpacking a huge range fails at once.
attempts = [
    lambda: 'a' * 10**12,
    lambda: 'a'.center(10**12),
    lambda: 'a'.zfill(10**12),
    lambda: 'a'.ljust(10**12),
    lambda: 'a'.rjust(10**12),
    lambda: f'{1:999999999999}',
    lambda: format(1, '>1000000000000'),
    lambda: '%1000000000000d' % 1,
    lambda: '{:>{w}}'.format(1, w=10**12),
    lambda: [0] * 10**12,
    lambda: (0,) * 10**12,
    lambda: list(range(10**12)),
    lambda: tuple(range(10**13)),
    lambda: sorted(range(10**13)),
]
for index, attempt in enumerate(attempts):
    try:
        attempt()
        print(index, 'allocated')
    except MemoryError:
        print(index, 'MemoryError')
try:
    a, b = range(10**15)
except ValueError as error:
    print('ValueError:', error)
try:
    'ab' * 2**62
except OverflowError as error:
    print('OverflowError:', error)
print(f'{1.5:.999999999}')
print(f'{0.1:.60}')
for spec in ['.2147483648', '99999999999999999999']:
    try:
        format(1.5, spec)
    except ValueError as error:
        print('ValueError:', error)
print(repr('ab' * 3), [1, 2] * 2, 'x'.center(5, '*'))
