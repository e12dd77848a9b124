def compute():
    result = 5
    return reslt * 2
compute()
