try:
    raise ValueError('v')
except ValueError as err:
    message = str(err)
print(message)
try:
    print(err)
except NameError as e:
    print('NameError:', e)
