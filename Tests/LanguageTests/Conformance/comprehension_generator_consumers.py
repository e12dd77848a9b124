print(sum(x * x for x in range(10)), max(len(w) for w in ['a', 'bbb']), min(abs(v) for v in [-3, 2, -1]), any(c.isdigit() for c in 'ab3'), list(x for x in 'hi'), tuple(i for i in range(3)))
print(sorted((v for v in [3, 1, 2]), reverse=True), dict((k, len(k)) for k in ['a', 'bb']), set(c for c in 'aab') == {'a', 'b'})
