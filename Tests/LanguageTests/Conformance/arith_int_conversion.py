print(int(3.999), int(-0.5), int('-17'), int('0x1f', 16), int('1_000'), int(' 12 '), int('z', 36))
print(float('3.5e2'), float(' -1.25 '), float(7), float('inf') > 1e308, int(float('1e3')))
