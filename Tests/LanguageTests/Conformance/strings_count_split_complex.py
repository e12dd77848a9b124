text = 'the quick brown fox jumps over the lazy dog the end'
words = text.split()
print(len(words), words.count('the'), text.count('the'), sorted(set(words))[:4], max(words, key=len))
