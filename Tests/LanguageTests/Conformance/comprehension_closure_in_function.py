def table(n):
    factor = 2
    return {i: [i * factor + j for j in range(n)] for i in range(n)}
print(table(3))
