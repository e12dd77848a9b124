def len(x):
    return 'custom'
print(len([1, 2]))
del len
print(len([1, 2]))
