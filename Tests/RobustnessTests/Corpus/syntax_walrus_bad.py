# expect: SyntaxError at 2:2
(1 := 2)
