# expect: AssertionError at 11:8
import random
smallest = -9223372036854775807 - 1
largest = 9223372036854775807
random.seed(3)
assert 0 <= random.randrange(largest) < largest
assert -1 <= random.randint(-1, largest)
assert smallest <= random.randrange(smallest, largest) < largest
assert 0 <= random.choice(range(largest)) < largest
assert random.choice(range(10**8, 10**8 + 1)) == 10**8
assert False, "every draw above stayed in its range"
