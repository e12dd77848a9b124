# expect: SyntaxError at 2:11
s = f'{1 +}'
