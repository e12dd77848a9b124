x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x /= 4; print(x)
x //= 2; print(x)
y = 17
y %= 5; print(y)
y **= 3; print(y)
y <<= 2; print(y)
y >>= 1; print(y)
y &= 12; print(y)
y |= 3; print(y)
y ^= 5; print(y)
s = 'ab'
s += 'cd'
s *= 2
print(s)
l = [1]
l += [2]
l *= 2
print(l)
