s = 'hello WORLD'
print(s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
