# expect: SyntaxError at 2:9
s = f'a } b'
