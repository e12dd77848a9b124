print(12 & 10, 12 | 10, 12 ^ 10, ~12, -12 >> 2, 3 << 4, 255 & -256, True & False, True | False)
