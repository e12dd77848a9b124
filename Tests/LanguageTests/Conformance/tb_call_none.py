callback = None
callback(1)
