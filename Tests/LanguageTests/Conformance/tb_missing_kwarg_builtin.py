# expected output written by hand: built-ins name the function and its parameters
print(sorted([3, 1], keyy=len))
