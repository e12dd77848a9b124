scores = {'ann': 90, 'bob': 72, 'cy': 85}
print({n: s for n, s in scores.items() if s >= 80}, {s: n for n, s in scores.items()}, {n.upper(): len(n) for n in scores})
