def documented(x):
    """Return x doubled.

    Longer description.
    """
    return 2 * x
print(documented.__doc__)
print(documented(21))
def undocumented():
    pass
print(undocumented.__doc__)
