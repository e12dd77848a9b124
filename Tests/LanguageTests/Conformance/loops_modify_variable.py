total = 0
for i in range(1, 11):
    if i % 2:
        total += i
    else:
        total -= i
print(total)
