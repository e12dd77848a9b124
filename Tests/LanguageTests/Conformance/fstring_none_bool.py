print(f"{None} {True} {False!r} {None!r} {[None]}")
