r = range(2, 20, 3)
print(r, r.start, r.stop, r.step, len(r), r[0], r[-1], r[1:3], 5 in r, 6 in r, list(r)[:3], range(3) == range(0, 3))
