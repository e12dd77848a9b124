data = {'x': None}
value = data['x'][0]
