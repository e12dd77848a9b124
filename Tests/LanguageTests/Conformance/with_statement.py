print("no context managers in plain python without classes, so just syntax:")
try:
    with 5 as x:
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__)
