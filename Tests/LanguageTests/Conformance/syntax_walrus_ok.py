if (n := len([1, 2, 3])) > 2:
    print('long list', n)
