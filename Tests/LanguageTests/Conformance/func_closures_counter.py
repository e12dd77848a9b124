def make_multiplier(k):
    def multiply(x):
        return x * k
    return multiply
double = make_multiplier(2)
triple = make_multiplier(3)
print(double(5), triple(5), make_multiplier(10)(7))
