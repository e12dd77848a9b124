# enumerate counts up to the largest 64-bit int without overflowing
print(list(enumerate([1, 2], 9223372036854775806)))
print(list(enumerate([], 9223372036854775807)))
print(next(enumerate("a", 9223372036854775807)))
