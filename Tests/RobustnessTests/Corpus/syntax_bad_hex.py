# expect: SyntaxError at 2:7
x = 0xZZ
