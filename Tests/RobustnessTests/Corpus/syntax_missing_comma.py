# skip: TODO '(1 2)' reports "'(' was never closed" instead of a missing comma
x = 1
if x:
    y = (1 2)
