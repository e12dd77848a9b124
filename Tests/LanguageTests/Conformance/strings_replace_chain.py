s = 'Hello, World!'
print(s.replace('Hello', 'Goodbye').replace('!', '?').lower().split(', '))
