n = 42
print(f"{n:d} {n:5d}|{n:<5d}|{n:^5d}|{n:05d} {n:+d} {n:x} {n:X} {n:o} {n:b} {n:#x} {n:#o} {n:#b} {n:,} {1000000:,}")
