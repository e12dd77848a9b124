s = "Deep Learning"
print(s[0], s[-1], s[5:], s[:4], s[::-1], s[1:10:3], len(s))
print(s.lower().count('e'), s.split(' ')[1], s * 2, s + '!', 'Learn' in s)
print(list(s[:4]), sorted(s[:4]), ''.join(reversed(s)))
print(str(3.0), str(-0.5), str(1e20), str(1.23e-5), str([0.1, 2.5]))
print('%.3f' % 2.0, '%5.1f|' % 3.14159, '%x' % 255, '%e' % 12345.678)
print(ord('€'), chr(8364), 'naïve'.upper(), len('naïve'))
print('a\\b', 'quote"s', "it's")
