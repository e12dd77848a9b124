def stats(values):
    return min(values), max(values), sum(values) / len(values)
lo, hi, mean = stats([2, 4, 9])
print(lo, hi, mean, stats([1]))
