# expect: SyntaxError at 2:1
class = 3
