import Foundation

/// `a op b` with Python's meaning for the built-in types, then the
/// operands' own implementations.
func binaryOperation(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
  switch (a, b) {
  case (.int(let x), .int(let y)): return try intOperation(op, x, y)
  case (.bool, .int), (.int, .bool), (.bool, .bool):
    if let x = a.intLike, let y = b.intLike {
      if case .bool(let p) = a, case .bool(let q) = b {
        switch op {
        case .bitAnd: return .bool(p && q)
        case .bitOr: return .bool(p || q)
        case .bitXor: return .bool(p != q)
        default: break
        }
      }
      return try intOperation(op, x, y)
    }
  case (.float, .float), (.float, .int), (.int, .float), (.float, .bool), (.bool, .float):
    if let x = a.numericValue, let y = b.numericValue, op != .bitAnd, op != .bitOr,
      op != .bitXor, op != .leftShift, op != .rightShift, op != .matrixMultiply
    {
      return try floatOperation(op, x, y)
    }
  case (.string(let x), .string(let y)):
    if op == .add { return .string(x + y) }
    if op == .modulo { return .string(try percentFormat(x, b)) }
  case (.string(let x), _):
    if op == .multiply, let count = b.intLike { return .string(try repeatText(x, count)) }
    if op == .modulo { return .string(try percentFormat(x, b)) }
  case (_, .string(let y)):
    if op == .multiply, let count = a.intLike { return .string(try repeatText(y, count)) }
  default: break
  }
  if case .object(let object) = a {
    if let list = object as? PyList {
      if op == .add, let other = b.object(as: PyList.self) {
        return .list(list.items + other.items)
      }
      if op == .multiply, let count = b.intLike { return .list(try repeated(list.items, count)) }
    } else if let tuple = object as? PyTuple {
      if op == .add, let other = b.object(as: PyTuple.self) {
        return .tuple(tuple.items + other.items)
      }
      if op == .multiply, let count = b.intLike { return .tuple(try repeated(tuple.items, count)) }
    } else if let set = object as? PySet, let other = b.object(as: PySet.self) {
      if let result = try set.operation(op, other) { return result }
    } else if let dict = object as? PyDict, op == .bitOr, let other = b.object(as: PyDict.self) {
      let merged = PyDict()
      for (key, value) in dict.pairs + other.pairs { try merged.set(key, value) }
      return .object(merged)
    }
    if let result = try object.binaryOperation(op, b, reflected: false) { return result }
  }
  if case .object(let object) = b {
    if op == .multiply, let count = a.intLike {
      if let list = object as? PyList { return .list(try repeated(list.items, count)) }
      if let tuple = object as? PyTuple { return .tuple(try repeated(tuple.items, count)) }
    }
    if let result = try object.binaryOperation(op, a, reflected: true) { return result }
  }
  let sequences = ["str", "list", "tuple"]
  if op == .multiply, sequences.contains(a.typeName) || sequences.contains(b.typeName) {
    let other = sequences.contains(a.typeName) ? b : a
    if other.typeName != "int" {
      throw PyError.typeError("can't multiply sequence by non-int of type '\(other.typeName)'")
    }
  }
  if op == .add, sequences.contains(a.typeName) {
    throw PyError.typeError(
      "can only concatenate \(a.typeName) (not \"\(b.typeName)\") to \(a.typeName)")
  }
  throw PyError.typeError(
    "unsupported operand type(s) for \(op.rawValue): '\(a.typeName)' and '\(b.typeName)'")
}

private func repeatText(_ text: String, _ count: Int) throws -> String {
  guard count > 0, !text.isEmpty else { return "" }
  if text.utf8.count.multipliedReportingOverflow(by: count).overflow {
    throw PyError(.overflowError, "repeated string is too long")
  }
  try Limits.checkAllocation(count: count, itemBytes: text.utf8.count, string: true)
  return String(repeating: text, count: count)
}

private func repeated(_ items: [Value], _ count: Int) throws -> [Value] {
  guard count > 0 else { return [] }
  let (total, overflow) = items.count.multipliedReportingOverflow(by: count)
  if overflow { throw PyError(.memoryError, "") }
  try Limits.checkItems(total)
  var result: [Value] = []
  result.reserveCapacity(total)
  for _ in 0..<count { result.append(contentsOf: items) }
  return result
}

// TODO: ints are 64-bit, so results beyond ±9.2e18 raise OverflowError
// where Python would grow the int; lessons never get near that.
private func overflow() -> PyError {
  PyError(.overflowError, "integer overflow: mlscript ints are 64-bit")
}

/// Integer arithmetic with Python's rounding and errors; never traps.
func intOperation(_ op: BinaryOperator, _ x: Int, _ y: Int) throws -> Value {
  switch op {
  case .add:
    let (result, overflowed) = x.addingReportingOverflow(y)
    if overflowed { throw overflow() }
    return .int(result)
  case .subtract:
    let (result, overflowed) = x.subtractingReportingOverflow(y)
    if overflowed { throw overflow() }
    return .int(result)
  case .multiply:
    let (result, overflowed) = x.multipliedReportingOverflow(by: y)
    if overflowed { throw overflow() }
    return .int(result)
  case .trueDivide:
    if y == 0 { throw PyError(.zeroDivisionError, "division by zero") }
    return .float(Double(x) / Double(y))
  case .floorDivide:
    if y == 0 { throw PyError(.zeroDivisionError, "integer division or modulo by zero") }
    if x == Int.min && y == -1 { throw overflow() }
    var quotient = x / y
    if (x % y != 0) && ((x < 0) != (y < 0)) { quotient -= 1 }
    return .int(quotient)
  case .modulo:
    if y == 0 { throw PyError(.zeroDivisionError, "integer modulo by zero") }
    if y == -1 { return .int(0) }
    var remainder = x % y
    if remainder != 0 && ((remainder < 0) != (y < 0)) { remainder += y }
    return .int(remainder)
  case .power:
    if y < 0 {
      if x == 0 {
        throw PyError(.zeroDivisionError, "0.0 cannot be raised to a negative power")
      }
      return .float(Foundation.pow(Double(x), Double(y)))
    }
    var result = 1
    var base = x
    var exponent = y
    while exponent > 0 {
      if exponent & 1 == 1 {
        let (product, overflowed) = result.multipliedReportingOverflow(by: base)
        if overflowed { throw overflow() }
        result = product
      }
      exponent >>= 1
      if exponent > 0 {
        let (square, overflowed) = base.multipliedReportingOverflow(by: base)
        if overflowed { throw overflow() }
        base = square
      }
    }
    return .int(result)
  case .bitAnd: return .int(x & y)
  case .bitOr: return .int(x | y)
  case .bitXor: return .int(x ^ y)
  case .leftShift:
    if y < 0 { throw PyError.valueError("negative shift count") }
    if y >= 64 {
      if x == 0 { return .int(0) }
      throw overflow()
    }
    let result = x << y
    if result >> y != x { throw overflow() }
    return .int(result)
  case .rightShift:
    if y < 0 { throw PyError.valueError("negative shift count") }
    return .int(y >= 64 ? (x < 0 ? -1 : 0) : x >> y)
  case .matrixMultiply:
    throw PyError.typeError("unsupported operand type(s) for @: 'int' and 'int'")
  }
}

/// Float arithmetic with Python's rounding and errors.
func floatOperation(_ op: BinaryOperator, _ x: Double, _ y: Double) throws -> Value {
  switch op {
  case .add: return .float(x + y)
  case .subtract: return .float(x - y)
  case .multiply: return .float(x * y)
  case .trueDivide:
    if y == 0 { throw PyError(.zeroDivisionError, "float division by zero") }
    return .float(x / y)
  case .floorDivide:
    if y == 0 { throw PyError(.zeroDivisionError, "float floor division by zero") }
    return .float(floatDivMod(x, y).0)
  case .modulo:
    if y == 0 { throw PyError(.zeroDivisionError, "float modulo") }
    return .float(floatDivMod(x, y).1)
  case .power:
    if x == 0 && y < 0 {
      throw PyError(.zeroDivisionError, "0.0 cannot be raised to a negative power")
    }
    if x < 0 && y != y.rounded() {
      throw PyError.valueError(
        "negative number cannot be raised to a fractional power (complex numbers are "
          + "not supported by mlscript)")
    }
    let result = Foundation.pow(x, y)
    if result.isInfinite && x.isFinite && y.isFinite {
      throw PyError(.overflowError, "(34, 'Numerical result out of range')")
    }
    return .float(result)
  default:
    throw PyError.typeError("unsupported operand type(s) for \(op.rawValue): 'float' and 'float'")
  }
}

/// Python's float divmod: the remainder takes the divisor's sign.
func floatDivMod(_ x: Double, _ y: Double) -> (Double, Double) {
  var mod = fmod(x, y)
  var div = (x - mod) / y
  if mod != 0 {
    if (y < 0) != (mod < 0) {
      mod += y
      div -= 1
    }
  } else {
    mod = copysign(0, y)
  }
  var floorDiv: Double
  if div != 0 {
    floorDiv = div.rounded(.down)
    if div - floorDiv > 0.5 { floorDiv += 1 }
  } else {
    floorDiv = copysign(0, x / y)
  }
  return (floorDiv, mod)
}

/// `op value`.
func unaryOperation(_ op: UnaryOperator, _ value: Value) throws -> Value {
  switch (op, value) {
  case (.negate, .int(let x)):
    if x == Int.min { throw overflow() }
    return .int(-x)
  case (.negate, .float(let x)): return .float(-x)
  case (.negate, .bool(let x)): return .int(x ? -1 : 0)
  case (.plus, .int), (.plus, .float): return value
  case (.plus, .bool(let x)): return .int(x ? 1 : 0)
  case (.invert, .int(let x)): return .int(~x)
  case (.invert, .bool(let x)): return .int(~(x ? 1 : 0))
  case (_, .object(let object)):
    if let result = try object.unaryOperation(op) { return result }
  default: break
  }
  throw PyError.typeError("bad operand type for unary \(op.rawValue): '\(value.typeName)'")
}

extension Value {
  /// The value as an int when it is an int or a bool.
  var intLike: Int? {
    switch self {
    case .int(let x): return x
    case .bool(let x): return x ? 1 : 0
    default: return nil
    }
  }
}

/// A comparison, which for arrays may yield an array.
func compareValues(_ op: CompareOp, _ a: Value, _ b: Value) throws -> Value {
  switch op {
  case .isSame: return .bool(isSameObject(a, b))
  case .isNot: return .bool(!isSameObject(a, b))
  case .isIn: return .bool(try containsValue(b, a))
  case .notIn: return .bool(!(try containsValue(b, a)))
  case .equal, .notEqual:
    if case .object(let x) = a, !(x is PyList || x is PyTuple || x is PyDict || x is PySet),
      let result = try x.compare(op == .equal ? .equal : .notEqual, b)
    {
      return result
    }
    if case .object(let y) = b, !(y is PyList || y is PyTuple || y is PyDict || y is PySet),
      let result = try y.compare(op == .equal ? .equal : .notEqual, a)
    {
      return result
    }
    let same = try valuesEqual(a, b)
    return .bool(op == .equal ? same : !same)
  case .less, .lessEqual, .greater, .greaterEqual:
    let native: ComparisonOperator =
      op == .less
      ? .less : op == .lessEqual ? .lessEqual : op == .greater ? .greater : .greaterEqual
    if case .object(let x) = a, !(x is PyList || x is PyTuple),
      let result = try x.compare(native, b)
    {
      return result
    }
    if case .object(let y) = b, !(y is PyList || y is PyTuple) {
      let swapped: ComparisonOperator =
        native == .less
        ? .greater
        : native == .lessEqual
          ? .greaterEqual
          : native == .greater ? .less : .lessEqual
      if let result = try y.compare(swapped, a) { return result }
    }
    let order = try orderValues(a, b, symbol: native.rawValue)
    switch op {
    case .less: return .bool(order < 0)
    case .lessEqual: return .bool(order <= 0)
    case .greater: return .bool(order > 0)
    default: return .bool(order >= 0)
    }
  }
}

/// `a is b`.
func isSameObject(_ a: Value, _ b: Value) -> Bool {
  switch (a, b) {
  case (.none, .none): return true
  case (.bool(let x), .bool(let y)): return x == y
  case (.int(let x), .int(let y)): return x == y
  case (.float(let x), .float(let y)): return x == y
  case (.string(let x), .string(let y)): return x.hasSameCodePoints(as: y)
  case (.object(let x), .object(let y)): return x === y
  default: return false
  }
}

/// Python `==` for the built-in containers, elementwise.
func valuesEqual(_ a: Value, _ b: Value) throws -> Bool {
  if case .object(let x) = a, case .object(let y) = b, x === y,
    x is PyList || x is PyTuple || x is PyDict || x is PySet
  {
    return true
  }
  switch (a, b) {
  case (.object(let x), .object) where x is PyList || x is PyTuple || x is PyDict:
    return try ContainerWalk.nested("in comparison") { try containersEqual(a, b) }
  default:
    return try Value.equal(a, b)
  }
}

private func containersEqual(_ a: Value, _ b: Value) throws -> Bool {
  switch (a, b) {
  case (.object(let x as PyList), .object(let y as PyList)):
    return try sequencesEqual(x.items, y.items)
  case (.object(let x as PyTuple), .object(let y as PyTuple)):
    return try sequencesEqual(x.items, y.items)
  case (.object(let x as PyDict), .object(let y as PyDict)):
    guard try x.length() == y.length() else { return false }
    for (key, value) in x.pairs {
      guard let other = try y.get(key), try valuesEqual(value, other) else { return false }
    }
    return true
  case (.object(let x as PySet), .object(let y as PySet)):
    return try x.count == y.count && x.isSubset(of: y)
  default:
    return try Value.equal(a, b)
  }
}

private func sequencesEqual(_ a: [Value], _ b: [Value]) throws -> Bool {
  guard a.count == b.count else { return false }
  for (x, y) in zip(a, b) where !(try sameOrEqual(x, y)) {
    return false
  }
  return true
}

/// `a is b or a == b`, as containers compare their elements.
func sameOrEqual(_ a: Value, _ b: Value) throws -> Bool {
  if isSameObject(a, b) { return true }
  return try valuesEqual(a, b)
}

/// The ordering of two values: negative, zero or positive.
func orderValues(_ a: Value, _ b: Value, symbol: String = "<") throws -> Int {
  switch (a, b) {
  case (.int(let x), .int(let y)): return x < y ? -1 : (x > y ? 1 : 0)
  case (.string(let x), .string(let y)):
    if x.hasSameCodePoints(as: y) { return 0 }
    return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) ? -1 : 1
  case (.object(let x as PyList), .object(let y as PyList)):
    return try orderSequences(x.items, y.items, symbol: symbol)
  case (.object(let x as PyTuple), .object(let y as PyTuple)):
    return try orderSequences(x.items, y.items, symbol: symbol)
  default:
    if let x = a.numericValue, let y = b.numericValue {
      return x < y ? -1 : (x > y ? 1 : 0)
    }
    if case .object(let x) = a, let result = try x.compare(.less, b) {
      if try result.isTruthy() { return -1 }
      if let greater = try x.compare(.greater, b), try greater.isTruthy() { return 1 }
      return 0
    }
  }
  throw PyError.typeError(
    "'\(symbol)' not supported between instances of '\(a.typeName)' and '\(b.typeName)'")
}

private func orderSequences(_ a: [Value], _ b: [Value], symbol: String) throws -> Int {
  for (x, y) in zip(a, b) where !(try valuesEqual(x, y)) {
    return try orderValues(x, y, symbol: symbol)
  }
  return a.count < b.count ? -1 : (a.count > b.count ? 1 : 0)
}

/// `item in container`.
func containsValue(_ container: Value, _ item: Value) throws -> Bool {
  switch container {
  case .string(let text):
    guard case .string(let part) = item else {
      throw PyError.typeError("'in <string>' requires string as left operand, not \(item.typeName)")
    }
    return part.isEmpty || text.containsCodePoints(part)
  case .object(let list as PyList):
    for element in list.items where try sameOrEqual(element, item) {
      return true
    }
    return false
  case .object(let tuple as PyTuple):
    for element in tuple.items
    where try sameOrEqual(element, item) {
      return true
    }
    return false
  case .object(let object):
    return try object.contains(item)
  default:
    throw PyError.typeError("argument of type '\(container.typeName)' is not iterable")
  }
}

/// An iterator over any iterable value.
func makeIterator(_ value: Value) throws -> PyIterator {
  switch value {
  case .string(let text): return ArrayIterator(text.unicodeScalars.map { .string(String($0)) })
  case .object(let object): return try object.makeIterator()
  default: throw PyError.typeError("'\(value.typeName)' object is not iterable")
  }
}

/// Calls `body` with each item of an iterable.
func forEach(_ value: Value, _ body: (Value) throws -> Void) throws {
  if case .object(let object) = value {
    if let list = object as? PyList {
      var index = 0
      while index < list.items.count {
        try body(list.items[index])
        index += 1
      }
      return
    }
    if let tuple = object as? PyTuple {
      for item in tuple.items { try body(item) }
      return
    }
    if let range = object as? PyRange {
      var current = range.start
      while range.step > 0 ? current < range.stop : current > range.stop {
        try body(.int(current))
        let (next, overflowed) = current.addingReportingOverflow(range.step)
        if overflowed { break }
        current = next
      }
      return
    }
  }
  let iterator = try makeIterator(value)
  while let item = try iterator.next() { try body(item) }
}

/// The items of an iterable as an array.
func collect(_ value: Value) throws -> [Value] {
  if case .object(let object) = value {
    if let list = object as? PyList { return list.items }
    if let tuple = object as? PyTuple { return tuple.items }
    if let range = object as? PyRange {
      let count = try range.length()
      try Limits.checkItems(count)
      var items: [Value] = []
      items.reserveCapacity(count)
      try forEach(value) { items.append($0) }
      return items
    }
  }
  var items: [Value] = []
  try forEach(value) { items.append($0) }
  return items
}

/// The key-value pairs of a mapping, for `**kwargs` and `dict(...)`.
func mappingPairs(_ value: Value) throws -> [(key: Value, value: Value)] {
  if case .object(let dict as PyDict) = value { return dict.pairs }
  throw PyError.typeError("argument after ** must be a mapping, not \(value.typeName)")
}

/// Stores into `dict` what `dict(source)` or `d.update(source)` takes: a
/// dict, an object with `keys()` (read by key, as Python does), or an
/// iterable of pairs.
func updateDict(_ dict: PyDict, from source: Value) throws {
  if case .object(let other as PyDict) = source {
    for (key, value) in other.pairs { try dict.set(key, value) }
    return
  }
  if case .object = source, attributeNames(of: source).contains("keys") {
    let keys = try callValue(try getAttribute(source, "keys"), Arguments())
    for key in try collect(keys) { try dict.set(key, try getItem(source, key)) }
    return
  }
  try forEach(source) { pair in
    let items = try collect(pair)
    guard items.count == 2 else {
      throw PyError.valueError(
        "dictionary update sequence element has length \(items.count); 2 is required")
    }
    try dict.set(items[0], items[1])
  }
}

/// Calls any callable value.
func callValue(_ callee: Value, _ arguments: Arguments) throws -> Value {
  guard case .object(let object) = callee else {
    throw PyError.typeError("'\(callee.typeName)' object is not callable")
  }
  return try object.call(arguments)
}

/// `value.name`.
func getAttribute(_ value: Value, _ name: String) throws -> Value {
  switch value {
  case .string(let text):
    if let method = stringMethods[name] {
      return .object(BuiltinFunction(name) { try method(text, $0) })
    }
  case .int(let number):
    if let result = intAttribute(number, name) { return result }
  case .float(let number):
    if let result = floatAttribute(number, name) { return result }
  case .object(let object):
    if let result = try object.attribute(name) { return result }
    if name == "__doc__" { return object.doc.map { .string($0) } ?? .none }
    if name == "__class__" { return typeObject(of: value) }
    if let module = object as? PyModule {
      var error = PyError(.attributeError, "module '\(module.name)' has no attribute '\(name)'")
      error.suggestion = closestName(to: name, in: module.attributeNames())
      throw error
    }
    if let type = object as? TypeObject, type.name == "str", let method = stringMethods[name] {
      return .object(
        BuiltinFunction(name) { args in
          guard case .string(let text)? = args.positional.first else {
            throw PyError.typeError(
              "descriptor '\(name)' for 'str' objects doesn't apply to a "
                + "'\(args.positional.first?.typeName ?? "nothing")' object")
          }
          return try method(
            text, Arguments(Array(args.positional.dropFirst()), keywords: args.keywords))
        })
    }
  default: break
  }
  if name == "__class__" { return typeObject(of: value) }
  var error = PyError(.attributeError, "'\(value.typeName)' object has no attribute '\(name)'")
  error.suggestion = closestName(to: name, in: attributeNames(of: value))
  throw error
}

/// The attribute names `dir(value)` lists.
func attributeNames(of value: Value) -> [String] {
  switch value {
  case .string: return stringMethods.keys.sorted()
  case .int: return ["bit_length", "conjugate", "denominator", "imag", "numerator", "real"]
  case .float: return ["conjugate", "imag", "is_integer", "real"]
  case .object(let object): return object.attributeNames()
  default: return []
  }
}

private func intAttribute(_ number: Int, _ name: String) -> Value? {
  switch name {
  case "real", "numerator": return .int(number)
  case "imag": return .int(0)
  case "denominator": return .int(1)
  case "bit_length":
    return .object(
      BuiltinFunction("bit_length") { _ in
        .int(number == 0 ? 0 : Int.bitWidth - number.magnitude.leadingZeroBitCount)
      })
  case "conjugate": return .object(BuiltinFunction("conjugate") { _ in .int(number) })
  default: return nil
  }
}

private func floatAttribute(_ number: Double, _ name: String) -> Value? {
  switch name {
  case "real": return .float(number)
  case "imag": return .float(0)
  case "is_integer":
    return .object(
      BuiltinFunction("is_integer") { _ in .bool(number.isFinite && number == number.rounded()) })
  case "conjugate": return .object(BuiltinFunction("conjugate") { _ in .float(number) })
  default: return nil
  }
}

/// `target.name = value`.
func setAttribute(_ target: Value, _ name: String, _ value: Value) throws {
  guard case .object(let object) = target else {
    throw PyError(
      .attributeError, "'\(target.typeName)' object has no attribute '\(name)'")
  }
  try object.setAttribute(name, value)
}

/// Resolves a possibly negative index against `count`.
func normalizedIndex(_ key: Value, count: Int, kind: String) throws -> Int {
  guard let raw = key.intLike ?? (try? key.asInt()) else {
    throw PyError.typeError(
      "\(kind) indices must be integers or slices, not \(key.typeName)")
  }
  let index = raw < 0 ? raw + count : raw
  guard index >= 0 && index < count else {
    throw PyError(.indexError, "\(kind) index out of range")
  }
  return index
}

/// `value[key]`.
func getItem(_ value: Value, _ key: Value) throws -> Value {
  switch value {
  case .string(let text):
    let scalars = text.codePoints
    if case .object(let slice as PySlice) = key {
      let indices = try slice.indices(count: scalars.count)
      return .string(String(codePoints: indices.lazy.map { scalars[$0] }))
    }
    let index = try normalizedIndex(key, count: scalars.count, kind: "string")
    return .string(String(scalars[index]))
  case .object(let list as PyList):
    if case .object(let slice as PySlice) = key {
      return .list(try slice.indices(count: list.items.count).map { list.items[$0] })
    }
    return list.items[try normalizedIndex(key, count: list.items.count, kind: "list")]
  case .object(let tuple as PyTuple):
    if case .object(let slice as PySlice) = key {
      return .tuple(try slice.indices(count: tuple.items.count).map { tuple.items[$0] })
    }
    return tuple.items[try normalizedIndex(key, count: tuple.items.count, kind: "tuple")]
  case .object(let object):
    return try object.item(key)
  default:
    throw PyError.typeError("'\(value.typeName)' object is not subscriptable")
  }
}

/// `value[key] = item`.
func setItem(_ value: Value, _ key: Value, _ item: Value) throws {
  switch value {
  case .object(let list as PyList):
    if case .object(let slice as PySlice) = key {
      let replacement = try collect(item)
      let indices = try slice.indices(count: list.items.count)
      if slice.step.isNone || slice.step.intLike == 1 {
        let clamped = try slice.clampedStart(count: list.items.count)
        let start = indices.first ?? min(max(0, clamped), list.items.count)
        list.items.replaceSubrange(start..<(start + indices.count), with: replacement)
      } else {
        guard indices.count == replacement.count else {
          throw PyError.valueError(
            "attempt to assign sequence of size \(replacement.count) to extended slice of "
              + "size \(indices.count)")
        }
        for (index, element) in zip(indices, replacement) { list.items[index] = element }
      }
      return
    }
    list.items[try normalizedIndex(key, count: list.items.count, kind: "list assignment")] = item
  case .object(let object):
    try object.setItem(key, item)
  default:
    throw PyError.typeError("'\(value.typeName)' object does not support item assignment")
  }
}

/// `del value[key]`.
func deleteItem(_ value: Value, _ key: Value) throws {
  switch value {
  case .object(let list as PyList):
    if case .object(let slice as PySlice) = key {
      let doomed = Set(try slice.indices(count: list.items.count))
      list.items = list.items.enumerated().filter { !doomed.contains($0.offset) }.map(\.element)
      return
    }
    list.items.remove(
      at: try normalizedIndex(key, count: list.items.count, kind: "list assignment"))
  case .object(let object):
    try object.deleteItem(key)
  default:
    throw PyError.typeError("'\(value.typeName)' object doesn't support item deletion")
  }
}

/// `len(value)`.
func lengthOf(_ value: Value) throws -> Int {
  switch value {
  case .string(let text): return text.codePointCount
  case .object(let object): return try object.length()
  default: throw PyError.typeError("object of type '\(value.typeName)' has no len()")
  }
}
