print(str(), str(123), str(-4.5), str(True), str(None), str([1, 'a']), str((1,)), str({'k': None}), str('x'))
