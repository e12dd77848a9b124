print(['even' if n % 2 == 0 else 'odd' for n in range(5)])
print([n for n in range(20) if n % 3 == 0 if n % 2 == 0])
