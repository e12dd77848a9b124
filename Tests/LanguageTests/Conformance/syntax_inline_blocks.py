for i in range(2): print('loop', i)
if True: print('if'); print('same line')
while False: pass
def f(): return 'one-liner'
print(f())
