# Reading the lesson's images: all of `x` from mini_cifar.h5 (3004 RGB
# images of 32x32 bytes, gzip-compressed in chunks), best of five.
import time
import h5py

times = []
for _ in range(5):
    start = time.perf_counter()
    with h5py.File("../../lessons/data/mini_cifar.h5", "r") as f:
        x = f["x"][:]
    times.append(time.perf_counter() - start)
print("RESULT h5_read_x", min(times))
