# Augmented assignment changes lists in place and rebinds everything else.
items = [1, 2]
alias = items
items += [3]
items += (4, 5)
items += range(6, 8)
print(items, alias, items is alias)
items *= 2
print(alias, items is alias)
items *= 0
print(alias)
try:
    alias *= "x"
except TypeError as error:
    print("TypeError:", error)
pair = (1,)
same = pair
pair += (2,)
print(pair, same, pair is same)
word = "ab"
other = word
word *= 2
print(word, other)
count = 10
start = count
count -= 3
count **= 2
print(count, start)
grid = {"row": [0]}
grid["row"] += [1]
print(grid)


def grow(values):
    values += [len(values)]


bag = []
grow(bag)
grow(bag)
print(bag)
