# expect: IndexError at 3:1
a = []
a.pop()
