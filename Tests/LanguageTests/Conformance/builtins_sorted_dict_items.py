d = {'b': 2, 'a': 3, 'c': 1}
print(sorted(d), sorted(d.items()), sorted(d.items(), key=lambda kv: kv[1]), sorted(d.values(), reverse=True))
