def todo():
    ...
def todo2():
    pass
print(todo(), todo2(), ..., type(...).__name__ if hasattr(type(...), '__name__') else 'ellipsis')
