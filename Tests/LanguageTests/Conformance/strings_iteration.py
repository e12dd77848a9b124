for i, ch in enumerate('abc'):
    print(i, ch, ord(ch))
print(list('hey'), tuple('ab'), set('aa') == {'a'}, sorted('cab'), ''.join(sorted('cab', reverse=True)))
