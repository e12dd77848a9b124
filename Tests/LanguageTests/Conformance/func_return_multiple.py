def divmod_like(a, b):
    return a // b, a % b
q, r = divmod_like(17, 5)
print(q, r, divmod_like(17, 5))
def early(x):
    if x < 0:
        return
    return x
print(early(-1), early(3))
