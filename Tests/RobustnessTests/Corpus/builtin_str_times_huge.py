# expect: MemoryError at 2:9
s = 'a' * (10**12)
