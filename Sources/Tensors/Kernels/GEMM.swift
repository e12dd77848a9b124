import CBLAS

/// Matrix products through OpenBLAS, on row-major buffers.
public enum GEMM {
  /// `c = alpha * op(a) @ op(b) + beta * c` in float32, where `a` is
  /// m x k (k x m when `transposeA`), `b` is k x n (n x k when
  /// `transposeB`) and `c` is m x n, all row-major and contiguous.
  public static func multiply(
    _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
    m: Int, n: Int, k: Int, transposeA: Bool = false, transposeB: Bool = false,
    alpha: Float = 1, beta: Float = 0
  ) {
    guard m > 0, n > 0 else { return }
    guard k > 0 else {
      if beta == 0 { c.update(repeating: 0, count: m * n) }
      return
    }
    cblas_sgemm(
      CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans,
      transposeB ? CblasTrans : CblasNoTrans,
      Int32(m), Int32(n), Int32(k), alpha, a, Int32(transposeA ? m : k),
      b, Int32(transposeB ? k : n), beta, c, Int32(n))
  }

  /// The float64 counterpart of `multiply`.
  public static func multiply(
    _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>,
    into c: UnsafeMutablePointer<Double>,
    m: Int, n: Int, k: Int, transposeA: Bool = false, transposeB: Bool = false,
    alpha: Double = 1, beta: Double = 0
  ) {
    guard m > 0, n > 0 else { return }
    guard k > 0 else {
      if beta == 0 { c.update(repeating: 0, count: m * n) }
      return
    }
    cblas_dgemm(
      CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans,
      transposeB ? CblasTrans : CblasNoTrans,
      Int32(m), Int32(n), Int32(k), alpha, a, Int32(transposeA ? m : k),
      b, Int32(transposeB ? k : n), beta, c, Int32(n))
  }

  /// How many threads OpenBLAS may use now.
  public static var threadCount: Int { Int(openblas_get_num_threads()) }

  /// Runs `body` with OpenBLAS on one thread, for callers that split the
  /// work across cores themselves (so the two never compete for cores).
  public static func singleThreaded<R>(_ body: () throws -> R) rethrows -> R {
    let previous = threadCount
    if previous != 1 { setThreadCount(1) }
    defer { if previous != 1 { setThreadCount(previous) } }
    return try body()
  }

  /// Sets how many threads OpenBLAS may use.
  public static func setThreadCount(_ count: Int) {
    openblas_set_num_threads(Int32(max(1, count)))
  }
}
