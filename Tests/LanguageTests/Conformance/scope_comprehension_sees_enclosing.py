def scale(values, factor):
    return [v * factor for v in values if v > factor]
print(scale([1, 2, 3, 4], 2))
