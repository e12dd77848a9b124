print(bool(), bool(0), bool(0.0), bool(''), bool([]), bool({}), bool(None), bool(1), bool(-1), bool('False'), bool([0]))
