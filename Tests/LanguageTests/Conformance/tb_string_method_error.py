text = 'abc'
print(text.split(5))
