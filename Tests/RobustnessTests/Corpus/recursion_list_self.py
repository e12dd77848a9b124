# expect: NameError at 6:14
a = [1]
a.append(a)
s = repr(a)
b = a == a
x = len(s) + undefined
