print(sorted([3, 1], keyy=len))
