# leading comment

x = 1  # trailing comment

# between statements
def f():
    # inside function

    return x

print(f())
