items = []
last = items[-1]
