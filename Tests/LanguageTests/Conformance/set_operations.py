a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b, {9})), sorted(a.intersection(b)), sorted(a.difference(b)), a.issubset({1, 2, 3, 4, 5}), {1}.issuperset(set()))
