items = [1, 2, 3]
d = {'key': 'value'}
print(f"{len(items)} {sum(items) / len(items):.2f} {items[-1]} {d['key']} {'yes' if items else 'no'} {[i * 2 for i in items]}")
