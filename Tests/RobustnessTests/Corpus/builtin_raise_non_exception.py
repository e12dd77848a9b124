# expect: TypeError at 2:1
raise 5
