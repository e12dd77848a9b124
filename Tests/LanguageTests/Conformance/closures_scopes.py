def make_counter():
    count = 0
    def increment():
        nonlocal count
        count += 1
        return count
    def current():
        return count
    return increment, current

inc, cur = make_counter()
inc(); inc(); inc()
print(cur())

def compose(f, g):
    return lambda x: f(g(x))
double_then_inc = compose(lambda v: v + 1, lambda v: v * 2)
print(double_then_inc(5))

def outer(a):
    def mid(b):
        def inner(c):
            return a + b + c
        return inner
    return mid
print(outer(1)(2)(3))

def shadow():
    len = 5
    return len
print(shadow(), len([1]))

fs = []
for i in range(3):
    fs.append(lambda: i)
print([f() for f in fs])

def comp_in_func(n):
    base = 10
    return [base + k for k in range(n)], {k: base for k in range(2)}
print(comp_in_func(3))

def default_eval(x=[]):
    x.append(1)
    return len(x)
print(default_eval(), default_eval(), default_eval([5]))
