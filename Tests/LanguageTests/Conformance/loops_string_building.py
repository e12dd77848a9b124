result = ''
for ch in 'hello':
    result = ch + result
print(result)
parts = []
for n in range(5):
    parts.append(str(n ** 2))
print(','.join(parts))
