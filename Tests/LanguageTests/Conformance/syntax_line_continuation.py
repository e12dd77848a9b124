total = 1 + \
    2 + \
    3
print(total)
values = [
    1,
    2,  # comment inside
    3,
]
print(values, (1 +
  2))
