x = 5
try:
    print(f"a {x.y} b")
except AttributeError as e:
    print(e)
print(f"{x:{'>'}{x}}|")
print(f"value {x:q} here")
