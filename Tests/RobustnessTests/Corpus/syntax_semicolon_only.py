# expect: SyntaxError at 2:1
;;
