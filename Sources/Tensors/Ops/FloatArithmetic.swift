/// `+ - * /` on contiguous float arrays, or an array and a scalar, with the
/// arithmetic written out in each loop.
///
/// The general loops take the operation as a closure. Where a loop is split
/// across cores, its body runs behind Dispatch, which the optimiser cannot
/// see through, and the closure is then called once per element: several
/// times slower than one thread. These four operations are the ones
/// lessons and training run on large arrays, so they get loops of their
/// own, called with plain arguments from the split.
// TODO: the other element-wise operations still call their closure per
// element when split across cores; a way to hand Dispatch a specialised
// body would fix them all at once.
enum FloatArithmetic {
  case add, subtract, multiply, divide

  init?(_ op: BinaryOp) {
    switch op {
    case .add: self = .add
    case .subtract: self = .subtract
    case .multiply: self = .multiply
    case .trueDivide: self = .divide
    default: return nil
    }
  }

  /// `a op b` when both are contiguous with `shape`, or one of them holds
  /// a single element; nil for the general loops to handle.
  static func apply<T: FloatElement>(
    _ op: FloatArithmetic, _ a: NDArray, _ b: NDArray, _ shape: [Int], _ type: T.Type
  ) throws -> NDArray? {
    func fits(_ x: NDArray) -> Bool { x.shape == shape && x.isContiguous }
    let single = { (x: NDArray) in x.count == 1 }
    guard (fits(a) || single(a)) && (fits(b) || single(b)) else { return nil }
    let out = try NDArray(uninitialized: shape, dtype: T.dtype)
    let count = out.count
    let left = UnsafePointer(a.pointer(as: T.self))
    let right = UnsafePointer(b.pointer(as: T.self))
    let steps = (left: fits(a) ? 1 : 0, right: fits(b) ? 1 : 0)
    let target = out.pointer(as: T.self)
    let streamed = StreamingStores.applies(count, T.self)
    Parallel.forRanges(count) { range in
      if streamed {
        StreamingStores.fill(target, range) { part, buffer in
          run(op, left, right, steps, part, into: buffer)
        }
      } else {
        run(op, left, right, steps, range, into: target + range.lowerBound)
      }
    }
    return withExtendedLifetime((a, b)) { out }
  }

  /// Writes elements `range` of `a op b` to `out[0..<range.count]`. Out of
  /// line and free of closures, so each caller's copy is fully specialised.
  @inline(never)
  private static func run<T: FloatElement>(
    _ op: FloatArithmetic, _ a: UnsafePointer<T>, _ b: UnsafePointer<T>,
    _ steps: (left: Int, right: Int), _ range: Range<Int>, into out: UnsafeMutablePointer<T>
  ) {
    switch op {
    case .add: loops(a, b, steps, range, out) { $0 + $1 }
    case .subtract: loops(a, b, steps, range, out) { $0 - $1 }
    case .multiply: loops(a, b, steps, range, out) { $0 * $1 }
    case .divide: loops(a, b, steps, range, out) { $0 / $1 }
    }
  }

  @inline(__always)
  private static func loops<T: FloatElement>(
    _ a: UnsafePointer<T>, _ b: UnsafePointer<T>, _ steps: (left: Int, right: Int),
    _ range: Range<Int>, _ out: UnsafeMutablePointer<T>, _ f: (T, T) -> T
  ) {
    let n = range.count
    switch steps {
    case (1, 1):
      let pa = a + range.lowerBound
      let pb = b + range.lowerBound
      for i in 0..<n { out[i] = f(pa[i], pb[i]) }
    case (0, 1):
      let x = a[0]
      let pb = b + range.lowerBound
      for i in 0..<n { out[i] = f(x, pb[i]) }
    case (1, 0):
      let pa = a + range.lowerBound
      let y = b[0]
      for i in 0..<n { out[i] = f(pa[i], y) }
    default:
      let value = f(a[0], b[0])
      for i in 0..<n { out[i] = value }
    }
  }
}
