print(1 and 'a', 0 and 'a', '' or [], [] or {}, None or 0 or 'last', 'x' and 'y' and 'z')
