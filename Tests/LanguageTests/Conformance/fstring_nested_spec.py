for width in [4, 8]:
    for precision in [1, 3]:
        print(f"[{3.14159:{width}.{precision}f}]")
