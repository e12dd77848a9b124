acc = 0.912345
n = 1234567
x = 'hi'
print(f"acc={acc:.3f} n={n:,} x={x!r} {x!s} {x:>5}|{x:<5}|{x:^6}|")
print(f"{n:_} {n:08d} {3.5:8.2f} {-3.5:+.1f} {0.25:%} {0.25:.1%} {1e-7:.2e} {255:x} {255:#X}")
w = 10
print(f"{acc:{w}.2f}|{'nested ' + x}|{[1, 2][0]}|{ {'a': 1}['a'] }")
print(f"{n=} {acc = :.2f}")
print(f"{{literal}} {x}")
print(f'{"abc"!r:>8}')
print(f"{3}{4.0}{None}{True}")
print(f"""multi
{x}""")
