# Element-wise maps, a reduction and a matrix product on float32 arrays,
# the best of several repetitions each.
import time
import numpy as np

a = np.random.rand(10_000_000).astype(np.float32)
b = np.random.rand(10_000_000).astype(np.float32)

def best(f, repeats=5):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return min(times)

print("RESULT add_10M", best(lambda: a + b))
print("RESULT multiply_10M", best(lambda: a * b))
print("RESULT sum_10M", best(lambda: a.sum()))

m = np.random.rand(2048, 2048).astype(np.float32)
n = np.random.rand(2048, 2048).astype(np.float32)
print("RESULT matmul_2048", best(lambda: m @ n, 3))
