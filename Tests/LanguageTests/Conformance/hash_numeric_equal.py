# Numbers that compare equal hash equal and are the same dict/set key.
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(False))
print(hash(-1), hash(-2), hash(2**61 - 1), hash(2**61), hash(-(2**61)), hash(2**62 + 5))
print(hash(9223372036854775807), hash(-9223372036854775807))
print(hash(1.5), hash(-2.5), hash(0.1), hash(1e300), hash(-1e-300), hash(5e-324))
print(hash(float('inf')), hash(float('-inf')), hash(-0.0), hash(2.0**70), hash(-1.0))
print(hash(()), hash((1, 2)), hash((1.0, 2)), hash((-1,)), hash(((1, 2), 3.5)))
print(hash((True, False)) == hash((1, 0)))
print({1: 'a'}[1.0], {1.0: 'b'}[True], {True: 'c'}[1])
print({1, 1.0, True}, len({0, 0.0, False, -0.0}))
d = {1: 'int'}
d[1.0] = 'float'
d[True] = 'bool'
print(d)
print({2.0: 'x', 2: 'y'})
print(2**53 + 1 in {2**53}, 2**53 in {2.0**53}, len({2**53, 2**53 + 1}))
print((1, 2) in {(1.0, 2.0)}, {(1, 2): 'p'}[(1.0, 2)])
s = {1, 2}
s.add(2.0)
s.discard(1.0)
print(s)
