model = 3
print(modle)
