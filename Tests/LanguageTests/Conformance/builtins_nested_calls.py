print(len(str(sum(range(100)))), max(map(len, ['a', 'abc', 'ab'])), sorted(map(abs, [-3, 1, -2])), list(map(int, '123')))
