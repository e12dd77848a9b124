def greet(name, greeting="Hello", *args, punct="!", **kwargs):
    """Say hello."""
    return f"{greeting}, {name}{punct} {args} {kwargs}"

print(greet("Ann"))
print(greet("Bob", "Hi", 1, 2, punct="?", extra=True))
print(greet(greeting="Yo", name="Cy"))
args = ["Dee", "Hey"]
kw = {"punct": ".", "more": 1}
print(greet(*args, **kw))
print(greet.__doc__, greet.__name__)

def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c = counter()
c()
c(5)
print(c())

def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in make_adders()])

total = 0
def add(n):
    global total
    total += n
add(5)
add(7)
print(total)

def outer():
    x = 1
    def middle():
        def inner():
            return x + 1
        return inner()
    return middle()
print(outer())

square = lambda v: v * v
print(square(7), (lambda: 42)(), (lambda *a, **k: (a, k))(1, b=2))

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20))

def no_return():
    pass
print(no_return())

def kwonly(a, *, b, c=3):
    return a + b + c
print(kwonly(1, b=2), kwonly(1, b=2, c=10))
