# expect: MemoryError at 2:9
s = [0] * (10**12)
