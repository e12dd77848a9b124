# Deleting many keys keeps insertion order, lookups and equality right.
d = {i: i * i for i in range(2000)}
for i in range(0, 2000, 3):
    del d[i]
print(len(d), list(d)[:5], list(d)[-3:])
print(d.popitem(), len(d), 1998 in d, 1999 in d, d.get(3), d.get(4))
d[3] = "back"
d[1] = "first"
print(list(d.items())[:2], list(d.items())[-2:])
e = {k: v for k, v in d.items()}
print(d == e, len(e))
for k in list(d):
    if k % 2:
        del d[k]
print(len(d), list(d)[:4], d == {k: v for k, v in e.items() if k % 2 == 0})
s = "abcdé" * 40
print(s[0], s[4], s[-1], s[197:203], len(s), sum(1 for i in range(len(s)) if s[i] == "é"))
