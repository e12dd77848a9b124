# expect: OverflowError at 4:5
import math
smallest = -9223372036854775807 - 1
g = math.gcd(smallest, smallest)
