import Language
import Tensors

/// The print options a program can set, in `set_printoptions`'s order.
private let printOptionsSignature =
  "(precision=None, threshold=None, edgeitems=None, linewidth=None, suppress=None)"

/// `np.set_printoptions`, `np.get_printoptions` and the `np.printoptions`
/// context manager.
func definePrintOptions(_ np: PyModule) {
  np.function("set_printoptions") { args in
    let a = try args.bind("set_printoptions" + printOptionsSignature)
    PrintOptions.current = try changedPrintOptions(PrintOptions.current, a)
    return .none
  }
  np.function("get_printoptions") { args in
    _ = try args.bind("get_printoptions()")
    return .object(printOptionsDict(PrintOptions.current))
  }
  np.function("printoptions") { args in
    let a = try args.bind("printoptions" + printOptionsSignature)
    return .object(PrintOptionsContext(a))
  }
}

/// `options` with the arguments that were passed applied, checked as
/// NumPy checks them; None leaves an option as it is.
private func changedPrintOptions(
  _ options: PrintOptions, _ a: BoundArguments
) throws -> PrintOptions {
  var result = options
  if let p = a.optional("precision") {
    let precision = try p.asInt()
    guard precision >= 0 else { throw PyError.valueError("precision must be >= 0") }
    guard precision <= Int(Int32.max) else {
      throw PyError(.overflowError, "Python int too large to convert to C int")
    }
    result.precision = precision
  }
  if let t = a.optional("threshold") { result.threshold = try threshold(t) }
  if let e = a.optional("edgeitems") { result.edgeItems = try e.asInt() }
  if let w = a.optional("linewidth") { result.lineWidth = try w.asInt() }
  if let s = a.optional("suppress") { result.suppress = try s.isTruthy() }
  return result
}

/// The last threshold given as a float, with the int it became, so that
/// `get_printoptions` shows `inf` back as NumPy does.
nonisolated(unsafe) private var floatThreshold: (stored: Int, given: Double)?

/// A threshold as NumPy takes it: any real number, `np.inf` or
/// `sys.maxsize` meaning "never summarise".
private func threshold(_ value: Value) throws -> Int {
  floatThreshold = nil
  if case .int(let number) = value { return number }
  guard let number = value.numericValue ?? (try? value.asDouble()) else {
    throw PyError.typeError("threshold must be numeric")
  }
  guard !number.isNaN else {
    throw PyError.valueError(
      "threshold must be non-NAN, try sys.maxsize for untruncated representation")
  }
  // An array is summarised when its size exceeds the threshold, so a
  // fractional threshold acts as its floor.
  let stored: Int
  if number >= 9.2e18 {
    stored = Int.max
  } else if number <= -9.2e18 {
    stored = Int.min
  } else {
    stored = Int(number.rounded(.down))
  }
  floatThreshold = (stored, number)
  return stored
}

/// The options as `np.get_printoptions()` returns them, in NumPy 2's key
/// order; the options mlscript does not offer keep NumPy's defaults.
private func printOptionsDict(_ options: PrintOptions) -> PyDict {
  PyDict([
    ("edgeitems", .int(options.edgeItems)),
    (
      "threshold",
      floatThreshold.flatMap { $0.stored == options.threshold ? .float($0.given) : nil }
        ?? .int(options.threshold)
    ),
    ("floatmode", .string("maxprec")),
    ("precision", .int(options.precision)),
    ("suppress", .bool(options.suppress)),
    ("linewidth", .int(options.lineWidth)),
    ("nanstr", .string("nan")),
    ("infstr", .string("inf")),
    ("sign", .string("-")),
    ("formatter", .none),
    ("legacy", .bool(false)),
    ("override_repr", .none),
  ])
}

/// `with np.printoptions(...) as opts:` sets the options for the block
/// and restores the earlier ones when it ends, even after an error.
private final class PrintOptionsContext: PyObject {
  private let arguments: BoundArguments
  private var saved: [PrintOptions] = []

  init(_ arguments: BoundArguments) { self.arguments = arguments }

  override var type: PyType { Self.pyType }
  private static let pyType = PyType("_GeneratorContextManager")

  override func enter() throws -> Value {
    let changed = try changedPrintOptions(PrintOptions.current, arguments)
    saved.append(PrintOptions.current)
    PrintOptions.current = changed
    return .object(printOptionsDict(changed))
  }

  override func exit() throws {
    guard let earlier = saved.popLast() else { return }
    PrintOptions.current = earlier
  }
}
