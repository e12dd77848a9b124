def total(*numbers, scale=1):
    return sum(numbers) * scale
print(total(), total(1, 2, 3), total(1, 2, scale=10), total(*range(5)))
