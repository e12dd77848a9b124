for s in ['123', 'abc', 'Abc', 'ABC', 'a1', ' ', '', '1.5', 'hello world']:
    print(repr(s), s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower())
