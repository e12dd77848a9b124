#if canImport(Glibc)
  import Glibc
#endif

/// A floating-point type the network kernels compute in (float32 or
/// float64): its BLAS matrix product and the elementary functions the
/// activations and losses need.
public protocol KernelScalar: FloatElement, SIMDScalar, Codable {
  /// `exp(x) - 1`, accurate near zero.
  static func exponentialMinusOne(_ x: Self) -> Self

  /// Sets `gradient[i]` to zero wherever `y[i]` is not positive (the
  /// backward pass of relu).
  static func zeroWhereNotPositive(
    _ y: UnsafePointer<Self>, _ gradient: UnsafeMutablePointer<Self>, count: Int)

  /// `c = alpha * op(a) @ op(b) + beta * c` on row-major buffers, as
  /// `GEMM.multiply` describes it.
  static func gemm(
    _ a: UnsafePointer<Self>, _ b: UnsafePointer<Self>, into c: UnsafeMutablePointer<Self>,
    m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool, alpha: Self, beta: Self)
}

extension Float: KernelScalar {
  @inline(__always)
  public static func exponentialMinusOne(_ x: Float) -> Float { expm1f(x) }

  public static func zeroWhereNotPositive(
    _ y: UnsafePointer<Float>, _ gradient: UnsafeMutablePointer<Float>, count: Int
  ) {
    // Eight lanes at a time on the concrete vector type: the compiler does
    // not vectorise the scalar loop because `y` and `gradient` might
    // overlap, and generic SIMD code runs lane by lane.
    var i = 0
    while i + 8 <= count {
      let keep = UnsafeRawPointer(y + i).loadUnaligned(as: SIMD8<Float>.self) .> 0
      var lanes = UnsafeRawPointer(gradient + i).loadUnaligned(as: SIMD8<Float>.self)
      lanes.replace(with: 0, where: .!keep)
      UnsafeMutableRawPointer(gradient + i).storeBytes(of: lanes, as: SIMD8<Float>.self)
      i += 8
    }
    while i < count {
      gradient[i] = y[i] > 0 ? gradient[i] : 0
      i += 1
    }
  }

  public static func gemm(
    _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into c: UnsafeMutablePointer<Float>,
    m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool, alpha: Float, beta: Float
  ) {
    GEMM.multiply(
      a, b, into: c, m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB,
      alpha: alpha, beta: beta)
  }
}

extension Double: KernelScalar {
  @inline(__always)
  public static func exponentialMinusOne(_ x: Double) -> Double { expm1(x) }

  public static func zeroWhereNotPositive(
    _ y: UnsafePointer<Double>, _ gradient: UnsafeMutablePointer<Double>, count: Int
  ) {
    var i = 0
    while i + 4 <= count {
      let keep = UnsafeRawPointer(y + i).loadUnaligned(as: SIMD4<Double>.self) .> 0
      var lanes = UnsafeRawPointer(gradient + i).loadUnaligned(as: SIMD4<Double>.self)
      lanes.replace(with: 0, where: .!keep)
      UnsafeMutableRawPointer(gradient + i).storeBytes(of: lanes, as: SIMD4<Double>.self)
      i += 4
    }
    while i < count {
      gradient[i] = y[i] > 0 ? gradient[i] : 0
      i += 1
    }
  }

  public static func gemm(
    _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>,
    into c: UnsafeMutablePointer<Double>,
    m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool, alpha: Double, beta: Double
  ) {
    GEMM.multiply(
      a, b, into: c, m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB,
      alpha: alpha, beta: beta)
  }
}

extension GEMM {
  /// `multiply` for either kernel scalar, dispatched to `cblas_sgemm` or
  /// `cblas_dgemm` once per call.
  @inlinable
  public static func multiply<T: KernelScalar>(
    _ a: UnsafePointer<T>, _ b: UnsafePointer<T>, into c: UnsafeMutablePointer<T>,
    m: Int, n: Int, k: Int, transposeA: Bool = false, transposeB: Bool = false,
    alpha: T = 1, beta: T = 0
  ) {
    T.gemm(
      a, b, into: c, m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB,
      alpha: alpha, beta: beta)
  }
}
