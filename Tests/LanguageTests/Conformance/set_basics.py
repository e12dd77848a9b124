s = {3, 1, 2, 3, 1}
print(len(s), sorted(s), 2 in s, 5 not in s, set() == set([]), type(s))
s.add(10)
s.discard(1)
s.discard(99)
print(sorted(s))
