try:
    int("abc")
except ValueError:
    print("conversion failed")
    raise
