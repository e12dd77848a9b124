def f(a):
    return a.missing

f(
  5
)
