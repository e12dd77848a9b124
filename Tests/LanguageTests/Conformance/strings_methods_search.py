s = 'banana'
print(s.find('an'), s.find('an', 2), s.rfind('an'), s.index('n'), s.count('a'), s.count('an'), s.find('x'), s.startswith('ba'), s.endswith(('x', 'na')))
