# expect: SyntaxError at 2:1
return 5
