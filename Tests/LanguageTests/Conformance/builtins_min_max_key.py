words = ['kiwi', 'fig', 'banana', 'apple']
print(min(words), max(words), min(words, key=len), max(words, key=len), max([], default='none'), min(3, 2, 5, key=lambda v: -v))
try:
    min([])
except ValueError as e:
    print(e)
