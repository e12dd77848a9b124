import Foundation
import Language

/// The `math` module: Python's float functions and constants.
func makeMathModule() throws -> PyModule {
  let module = PyModule("math", doc: "Mathematical functions on floats, as Python's math.")
  module.define("pi", .float(Double.pi))
  module.define("e", .float(M_E))
  module.define("tau", .float(2 * Double.pi))
  module.define("inf", .float(.infinity))
  module.define("nan", .float(.nan))

  let unary: [(String, (Double) -> Double, (Double) -> Bool)] = [
    ("sqrt", { $0.squareRoot() }, { $0 >= 0 || $0.isNaN }),
    ("exp", { Foundation.exp($0) }, { _ in true }),
    ("log2", { Foundation.log2($0) }, { $0 > 0 || $0.isNaN }),
    ("log10", { Foundation.log10($0) }, { $0 > 0 || $0.isNaN }),
    ("sin", { Foundation.sin($0) }, { !$0.isInfinite }),
    ("cos", { Foundation.cos($0) }, { !$0.isInfinite }),
    ("tan", { Foundation.tan($0) }, { !$0.isInfinite }),
    ("asin", { Foundation.asin($0) }, { abs($0) <= 1 || $0.isNaN }),
    ("acos", { Foundation.acos($0) }, { abs($0) <= 1 || $0.isNaN }),
    ("atan", { Foundation.atan($0) }, { _ in true }),
    ("sinh", { Foundation.sinh($0) }, { _ in true }),
    ("cosh", { Foundation.cosh($0) }, { _ in true }),
    ("tanh", { Foundation.tanh($0) }, { _ in true }),
    ("fabs", { Swift.abs($0) }, { _ in true }),
    ("degrees", { $0 * 180 / Double.pi }, { _ in true }),
    ("radians", { $0 * Double.pi / 180 }, { _ in true }),
    ("expm1", { Foundation.expm1($0) }, { _ in true }),
    ("log1p", { Foundation.log1p($0) }, { $0 > -1 || $0.isNaN }),
    ("erf", { Foundation.erf($0) }, { _ in true }),
    ("gamma", { Foundation.tgamma($0) }, { !($0 <= 0 && $0 == $0.rounded()) }),
    ("lgamma", { Foundation.lgamma($0) }, { !($0 <= 0 && $0 == $0.rounded()) }),
  ]
  for (name, body, valid) in unary {
    module.function(name, doc: "\(name)(x)") { args in
      let x = try args.bind("\(name)(x)").double("x")
      guard valid(x) else { throw PyError.valueError("math domain error") }
      let result = body(x)
      if result.isInfinite && x.isFinite {
        throw PyError(.overflowError, "math range error")
      }
      return .float(result)
    }
  }
  module.function("log", doc: "log(x, base=e)") { args in
    let bound = try args.bind("log(x, base=None)")
    let x = try bound.double("x")
    guard x > 0 else { throw PyError.valueError("math domain error") }
    guard let base = bound.optional("base") else { return .float(Foundation.log(x)) }
    let b = try base.asDouble()
    guard b > 0, b != 1 else { throw PyError.valueError("math domain error") }
    return .float(Foundation.log(x) / Foundation.log(b))
  }
  module.function("pow", doc: "pow(x, y)") { args in
    let bound = try args.bind("pow(x, y)")
    let x = try bound.double("x")
    let y = try bound.double("y")
    if x < 0 && y != y.rounded() { throw PyError.valueError("math domain error") }
    if x == 0 && y < 0 { throw PyError.valueError("math domain error") }
    return .float(Foundation.pow(x, y))
  }
  module.function("atan2", doc: "atan2(y, x)") { args in
    let bound = try args.bind("atan2(y, x)")
    return .float(Foundation.atan2(try bound.double("y"), try bound.double("x")))
  }
  module.function("hypot", doc: "hypot(*coordinates)") { args in
    let values = try args.positional.map { try $0.asDouble() }
    return .float(values.map { $0 * $0 }.reduce(0, +).squareRoot())
  }
  for (name, rule) in [
    ("floor", FloatingPointRoundingRule.down), ("ceil", .up), ("trunc", .towardZero),
  ] {
    module.function(name, doc: "\(name)(x)") { args in
      let value = try args.bind("\(name)(x)")["x"] ?? .none
      if case .int = value { return value }
      let x = try value.asDouble()
      if x.isNaN { throw PyError.valueError("cannot convert float NaN to integer") }
      guard let result = Int(exactly: x.rounded(rule)) else {
        throw PyError(.overflowError, "cannot convert float infinity to integer")
      }
      return .int(result)
    }
  }
  module.function("isnan", doc: "isnan(x)") { args in
    .bool(try args.bind("isnan(x)").double("x").isNaN)
  }
  module.function("isinf", doc: "isinf(x)") { args in
    .bool(try args.bind("isinf(x)").double("x").isInfinite)
  }
  module.function("isfinite", doc: "isfinite(x)") { args in
    .bool(try args.bind("isfinite(x)").double("x").isFinite)
  }
  module.function("isclose", doc: "isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)") { args in
    let bound = try args.bind("isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)")
    let a = try bound.double("a")
    let b = try bound.double("b")
    if a == b { return .bool(true) }
    let tolerance = max(
      try bound.double("rel_tol", default: 1e-9) * max(Swift.abs(a), Swift.abs(b)),
      try bound.double("abs_tol", default: 0))
    return .bool(Swift.abs(a - b) <= tolerance)
  }
  module.function("factorial", doc: "factorial(n)") { args in
    let n = try args.bind("factorial(n)").int("n")
    guard n >= 0 else {
      throw PyError.valueError("factorial() not defined for negative values")
    }
    var result = 1
    for k in stride(from: 2, through: n, by: 1) {
      let (product, overflow) = result.multipliedReportingOverflow(by: k)
      if overflow { throw PyError(.overflowError, "factorial is too large for 64-bit ints") }
      result = product
    }
    return .int(result)
  }
  module.function("gcd", doc: "gcd(*integers)") { args in
    // Magnitudes, since |Int.min| is not an Int.
    var result: UInt = 0
    for value in args.positional {
      var a = try value.asInt().magnitude
      var b = result
      while b != 0 { (a, b) = (b, a % b) }
      result = a
    }
    guard let gcd = Int(exactly: result) else {
      throw PyError(.overflowError, "gcd is too large for 64-bit ints")
    }
    return .int(gcd)
  }
  module.function("comb", doc: "comb(n, k)") { args in
    let bound = try args.bind("comb(n, k)")
    let n = try bound.int("n")
    let k = try bound.int("k")
    guard n >= 0, k >= 0 else { throw PyError.valueError("n must be a non-negative integer") }
    if k > n { return .int(0) }
    var result = 1
    for i in 0..<min(k, n - k) {
      let (product, overflow) = result.multipliedReportingOverflow(by: n - i)
      if overflow { throw PyError(.overflowError, "comb() result is too large") }
      result = product / (i + 1)
    }
    return .int(result)
  }
  module.function("prod", doc: "prod(iterable, *, start=1)") { args in
    let bound = try args.bind("prod(iterable, *, start=1)")
    var result = bound["start"] ?? .int(1)
    let items = try collectItems(bound["iterable"] ?? .none)
    for item in items {
      result = try multiply(result, item)
    }
    return result
  }
  module.function("fsum", doc: "fsum(iterable)") { args in
    let items = try collectItems(try args.bind("fsum(iterable)")["iterable"] ?? .none)
    var sum = 0.0
    var compensation = 0.0
    for item in items {
      let y = try item.asDouble() - compensation
      let t = sum + y
      compensation = (t - sum) - y
      sum = t
    }
    return .float(sum)
  }
  module.function("copysign", doc: "copysign(x, y)") { args in
    let bound = try args.bind("copysign(x, y)")
    return .float(Foundation.copysign(try bound.double("x"), try bound.double("y")))
  }
  return module
}

/// The items of a list, tuple or other iterable value.
func collectItems(_ value: Value) throws -> [Value] {
  if let list = value.object(as: PyList.self) { return list.items }
  if let tuple = value.object(as: PyTuple.self) { return tuple.items }
  guard case .object(let object) = value else {
    throw PyError.typeError("'\(value.typeName)' object is not iterable")
  }
  let iterator = try object.makeIterator()
  var items: [Value] = []
  while let item = try iterator.next() { items.append(item) }
  return items
}

private func multiply(_ a: Value, _ b: Value) throws -> Value {
  if case .int(let x) = a, case .int(let y) = b {
    let (product, overflow) = x.multipliedReportingOverflow(by: y)
    if overflow { throw PyError(.overflowError, "integer overflow: mlscript ints are 64-bit") }
    return .int(product)
  }
  return .float(try a.asDouble() * b.asDouble())
}
