name = 'Keras'
print(f"[{name}] [{name:10}] [{name:>10}] [{name:^10}] [{name:*^10}] [{name:.2}] [{name!r}] [{name!r:>10}]")
