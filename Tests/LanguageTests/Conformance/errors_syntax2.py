print("ok")
if True
    pass
