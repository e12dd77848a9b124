print(list(enumerate([])), list(enumerate('ab', 10)), list(zip('ab', 'xyz')), list(zip([1], [2], [3])), dict(enumerate('xy')))
