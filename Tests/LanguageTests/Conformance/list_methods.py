a = [3, 1, 2]
a.append(5)
a.extend([7, 8])
a.insert(0, 9)
print(a, len(a))
print(a.pop(), a.pop(0), a)
a.remove(1)
print(a, a.index(2), a.count(3))
a.sort()
print(a)
a.sort(reverse=True)
print(a)
a.reverse()
print(a)
b = a.copy()
b.clear()
print(a, b)
print(sorted([3, 1, 2]), sorted("bca"), sorted([(2, 'b'), (1, 'z'), (2, 'a')]))
words = ["banana", "Apple", "cherry"]
print(sorted(words, key=len), sorted(words, key=str.lower) if False else sorted(words, key=lambda w: w.lower()))
print(sorted(words, key=len, reverse=True))
c = [1, 2, 3, 4, 5]
print(c[1:3], c[:2], c[3:], c[-2:], c[::2], c[::-1], c[10:], c[-100:2])
c[1:3] = [20, 30, 40]
print(c)
del c[0]
del c[-1]
print(c)
c[0] = 'x'
print(c, [1, 2] + [3], [0] * 3, 2 * [1])
m = [[1, 2], [3, 4]]
m[1][0] = 99
print(m)
