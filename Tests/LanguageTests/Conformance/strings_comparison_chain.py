words = ['pear', 'Apple', 'fig', 'banana']
print(sorted(words), sorted(words, key=str.lower) if hasattr(str, 'lower') else None)
