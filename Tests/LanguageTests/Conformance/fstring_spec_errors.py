# Format specs that CPython rejects for strings, and nested specs built at run time.
w = 3
print(f"{'ab':{'^'}{w + 4}}|", f"{3.14159:{w}.{w - 1}f}|", f"{42:{'0'}{6}}|", f"{'q':{''}}|")
print(repr(format("x", "05")), repr(format("x", "<05")), repr(format("ab", "x<05")))
print(repr(format(5, "<05")), repr(format(5, "x<05")), repr(format(5, "^05")), repr(format(1.5, "<06")))
print(repr(format("x", "^^5")), repr(format("x", "<<5")), repr(format(3, "-<5")))
for spec in [">-5", "-5", "+", " 5", "=5", "0=5", "#5", ",", "_", "z5", "d", ".2%"]:
    try:
        print(spec, repr(format("x", spec)))
    except ValueError as e:
        print(spec, "ValueError:", e)
for width in [-5, "+3", " 2"]:
    try:
        print(f"{'x':>{width}}|")
    except ValueError as e:
        print(width, "ValueError:", e)
try:
    print(f"{'x':{w}{'d'}}")
except ValueError as e:
    print(e)
print(f"{'x':>{-5}}")
