# round() with negative ndigits near the ends of 64-bit ints, exactly
print(round(-9223372036854775807, -2))
print(round(9223372036854775807, -2))
print(round(123456789012345678, -1))
print(round(25, -1), round(-25, -1), round(-35, -1), round(-15, -1))
print(round(4999999999999999999, -19), round(7, -100), round(-7, -100))
print(round(5.5, -400), round(-5.5, -400), round(5.5, -308))
try:
    round(1.7e308, -308)
except OverflowError as error:
    print("OverflowError:", error)
