def accumulator():
    total = 0
    def add(x):
        nonlocal total
        total += x
        return total
    return add
acc = accumulator()
print(acc(10), acc(5), acc(-3))
