print('test_case'.removeprefix('test_'), 'file.py'.removesuffix('.py'), 'abc'.removeprefix('x'))
