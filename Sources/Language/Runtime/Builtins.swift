import Foundation
import Support

extension Interpreter {
  /// The built-in namespace: functions, classes and exceptions.
  func makeBuiltins() -> [String: Value] {
    var table: [String: Value] = [:]
    func define(_ name: String, doc: String? = nil, _ body: @escaping (Arguments) throws -> Value) {
      table[name] = .object(BuiltinFunction(name, doc: doc, body))
    }
    for type in BuiltinTypes.all { table[type.name] = .object(type) }
    for exception in ExceptionType.builtins { table[exception.name] = .object(exception) }
    table["Ellipsis"] = .object(PyEllipsis.shared)

    define("print", doc: "print(*values, sep=' ', end='\\n', file=None, flush=False)") { args in
      let bound = try args.bind("print(*values, sep=' ', end='\\n', file=None, flush=False)")
      let separator = try bound.optional("sep").map { try textArgument($0, "sep") } ?? " "
      let end = try bound.optional("end").map { try textArgument($0, "end") } ?? "\n"
      let text = try bound.extra.map { try $0.str() }.joined(separator: separator) + end
      Console.shared.write(text)
      if let code = Console.shared.takeWriteFailure() { throw PyError.system(errno: code) }
      return .none
    }
    define("len", doc: "len(obj): the number of items of a container.") { args in
      let bound = try args.bind("len(obj)")
      return .int(try lengthOf(bound["obj"] ?? .none))
    }
    define("repr") { args in .string(try (try args.bind("repr(obj)"))["obj"]?.repr() ?? "") }
    define("abs") { args in
      let value = try args.bind("abs(x)")["x"] ?? .none
      switch value {
      case .int(let x):
        if x == Int.min { throw PyError(.overflowError, "integer overflow") }
        return .int(Swift.abs(x))
      case .bool(let x): return .int(x ? 1 : 0)
      case .float(let x): return .float(Swift.abs(x))
      case .object(let object):
        if let result = try object.unaryOperation(.negate),
          let negative = try? compareValues(
            .less, value, .int(0)), try negative.isTruthy()
        {
          return result
        }
        if object is IntegerConvertible || object is FloatConvertible {
          return value
        }
        if let method = try object.attribute("__abs__") {
          return try callValue(method, Arguments())
        }
      default: break
      }
      throw PyError.typeError("bad operand type for abs(): '\(value.typeName)'")
    }
    define("min") { args in try extreme(args, name: "min", wantLess: true) }
    define("max") { args in try extreme(args, name: "max", wantLess: false) }
    define("sum") { args in
      let bound = try args.bind("sum(iterable, /, start=0)")
      var total = bound["start"] ?? .int(0)
      if case .string = total {
        throw PyError.typeError("sum() can't sum strings [use ''.join(seq) instead]")
      }
      try forEach(bound["iterable"] ?? .none) { total = try binaryOperation(.add, total, $0) }
      return total
    }
    define("round") { args in
      let bound = try args.bind("round(number, ndigits=None)")
      return try roundValue(bound["number"] ?? .none, digits: bound.optional("ndigits"))
    }
    define("sorted") { args in
      let bound = try args.bind("sorted(iterable, /, *, key=None, reverse=False)")
      let items = try collect(bound["iterable"] ?? .none)
      return .list(
        try sortValues(
          items, key: bound.optional("key"), reverse: try bound.bool("reverse", default: false)))
    }
    define("reversed") { args in
      let value = try args.bind("reversed(sequence)")["sequence"] ?? .none
      if case .object(let object as PyDict) = value {
        return .object(
          PyIteratorObject(ArrayIterator(object.keys.reversed()), name: "dict_reversekeyiterator"))
      }
      if case .object(let object) = value,
        !(object is PyList || object is PyTuple || object is PyRange)
      {
        if let method = try object.attribute("__reversed__") {
          return try callValue(method, Arguments())
        }
        _ = try object.length()
      }
      if case .int = value { throw PyError.typeError("'int' object is not reversible") }
      if case .object(let range as PyRange) = value {
        // Counting down by index keeps a huge range unmaterialised.
        var index = try range.length()
        return .object(
          PyIteratorObject(
            ClosureIterator {
              guard index > 0 else { return nil }
              index -= 1
              return .int(range.element(at: index))
            }, name: "range_iterator"))
      }
      return .object(
        PyIteratorObject(ArrayIterator(try collect(value).reversed()), name: "list_reverseiterator")
      )
    }
    define("enumerate") { args in
      let bound = try args.bind("enumerate(iterable, start=0)")
      let iterator = try makeIterator(bound["iterable"] ?? .none)
      var counter: Int? = try bound.int("start", default: 0)
      return .object(
        PyIteratorObject(
          ClosureIterator {
            guard let item = try iterator.next() else { return nil }

            // The count past Int.max is only an error once an item needs it.
            guard let count = counter else {
              throw PyError(.overflowError, "enumerate count too large (mlscript ints are 64-bit)")
            }
            let (next, overflow) = count.addingReportingOverflow(1)
            counter = overflow ? nil : next
            return .tuple([.int(count), item])
          }, name: "enumerate"))
    }
    define("zip") { args in
      let bound = try args.bind("zip(*iterables, strict=False)")
      let iterators = try bound.extra.map { try makeIterator($0) }
      return .object(
        PyIteratorObject(
          ClosureIterator {
            guard !iterators.isEmpty else { return nil }
            var items: [Value] = []
            for iterator in iterators {
              guard let item = try iterator.next() else { return nil }
              items.append(item)
            }
            return .tuple(items)
          }, name: "zip"))
    }
    define("map") { args in
      guard args.positional.count >= 2 else {
        throw PyError.typeError("map() must have at least two arguments.")
      }
      let function = args.positional[0]
      let iterators = try args.positional.dropFirst().map { try makeIterator($0) }
      return .object(
        PyIteratorObject(
          ClosureIterator {
            var items: [Value] = []
            for iterator in iterators {
              guard let item = try iterator.next() else { return nil }
              items.append(item)
            }
            return try callValue(function, Arguments(items))
          }, name: "map"))
    }
    define("filter") { args in
      let bound = try args.bind("filter(function, iterable)")
      let function = bound["function"] ?? .none
      let iterator = try makeIterator(bound["iterable"] ?? .none)
      return .object(
        PyIteratorObject(
          ClosureIterator {
            while let item = try iterator.next() {
              let keep = function.isNone ? item : try callValue(function, Arguments([item]))
              if try keep.isTruthy() { return item }
            }
            return nil
          }, name: "filter"))
    }
    define("iter") { args in
      let value = try args.bind("iter(object)")["object"] ?? .none
      if case .object(let object) = value, object is PyIteratorObject || object is PyGenerator {
        return value
      }
      return .object(PyIteratorObject(try makeIterator(value), name: "iterator"))
    }
    define("next") { args in
      let bound = try args.bind("next(iterator, default=None)")
      let value = bound["iterator"] ?? .none
      var item: Value?
      switch value {
      case .object(let object as PyIteratorObject): item = try object.nextItem()
      case .object(let object as PyGenerator): item = try object.nextItem()
      default:
        throw PyError.typeError("'\(value.typeName)' object is not an iterator")
      }
      if let item { return item }
      if let fallback = bound["default"] { return fallback }
      throw PyError(.stopIteration, "")
    }
    define("any") { args in
      var result = false
      try forEach(try args.bind("any(iterable)")["iterable"] ?? .none) {
        if !result, try $0.isTruthy() { result = true }
      }
      return .bool(result)
    }
    define("all") { args in
      var result = true
      try forEach(try args.bind("all(iterable)")["iterable"] ?? .none) {
        if result, !(try $0.isTruthy()) { result = false }
      }
      return .bool(result)
    }
    define("isinstance") { args in
      let bound = try args.bind("isinstance(obj, class_or_tuple)")
      return .bool(try isInstance(bound["obj"] ?? .none, bound["class_or_tuple"] ?? .none))
    }
    define("issubclass") { args in
      let bound = try args.bind("issubclass(cls, class_or_tuple)")
      guard case .object(let cls as ExceptionType) = bound["cls"] ?? .none,
        case .object(let base as ExceptionType) = bound["class_or_tuple"] ?? .none
      else {
        if case .object(let cls as TypeObject) = bound["cls"] ?? .none,
          case .object(let base as TypeObject) = bound["class_or_tuple"] ?? .none
        {
          return .bool(
            cls.name == base.name || base.name == "object"
              || (cls.name == "bool" && base.name == "int"))
        }
        throw PyError.typeError("issubclass() arg 1 must be a class")
      }
      return .bool(cls.isSubclass(of: base))
    }
    define("hasattr") { args in
      let bound = try args.bind("hasattr(obj, name)")
      let name = try bound.string("name")
      do {
        _ = try getAttribute(bound["obj"] ?? .none, name)
        return .bool(true)
      } catch let error as PyError where error.type.isSubclass(of: .attributeError) {
        return .bool(false)
      }
    }
    define("getattr") { args in
      let bound = try args.bind("getattr(obj, name, default=None)")
      let name = try bound.string("name")
      do {
        return try getAttribute(bound["obj"] ?? .none, name)
      } catch let error as PyError where error.type.isSubclass(of: .attributeError) {
        if let fallback = bound["default"] { return fallback }
        throw error
      }
    }
    define("setattr") { args in
      let bound = try args.bind("setattr(obj, name, value)")
      try setAttribute(bound["obj"] ?? .none, try bound.string("name"), bound["value"] ?? .none)
      return .none
    }
    define("callable") { args in
      let value = try args.bind("callable(obj)")["obj"] ?? .none
      guard case .object(let object) = value else { return .bool(false) }
      if object is PyFunction || object is BuiltinFunction || object is BoundMethod
        || object is TypeObject || object is ExceptionType
      {
        return .bool(true)
      }
      return .bool(object.isCallable || object.type.methods["__call__"] != nil)
    }
    define("id") { args in
      let value = try args.bind("id(obj)")["obj"] ?? .none
      if case .object(let object) = value {
        return .int(Int(bitPattern: UInt(bitPattern: ObjectIdentifier(object).hashValue)))
      }
      return .int((try? value.hashKey()?.hashValue) ?? 0)
    }
    define("hash") { args in
      let value = try args.bind("hash(obj)")["obj"] ?? .none
      if let hash = try value.numericHash() { return .int(hash) }
      guard let key = try value.hashKey() else {
        throw PyError.typeError("unhashable type: '\(value.typeName)'")
      }
      return .int(key.hashValue)
    }
    define("chr") { args in
      let code = try args.bind("chr(i)").int("i")
      guard code >= 0, code <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(code)) else {
        throw PyError.valueError("chr() arg not in range(0x110000)")
      }
      return .string(String(Character(scalar)))
    }
    define("ord") { args in
      let text = try args.bind("ord(c)").string("c")
      guard text.unicodeScalars.count == 1, let scalar = text.unicodeScalars.first else {
        throw PyError.typeError(
          "ord() expected a character, but string of length \(text.codePointCount) found")
      }
      return .int(Int(scalar.value))
    }
    define("divmod") { args in
      let bound = try args.bind("divmod(a, b)")
      let a = bound["a"] ?? .none
      let b = bound["b"] ?? .none
      return .tuple([
        try binaryOperation(.floorDivide, a, b), try binaryOperation(.modulo, a, b),
      ])
    }
    define("pow") { args in
      let bound = try args.bind("pow(base, exp, mod=None)")
      let result = try binaryOperation(.power, bound["base"] ?? .none, bound["exp"] ?? .none)
      if let mod = bound.optional("mod") { return try binaryOperation(.modulo, result, mod) }
      return result
    }
    define("hex") { args in
      let number = try args.bind("hex(number)").int("number")
      return .string((number < 0 ? "-0x" : "0x") + String(number.magnitude, radix: 16))
    }
    define("bin") { args in
      let number = try args.bind("bin(number)").int("number")
      return .string((number < 0 ? "-0b" : "0b") + String(number.magnitude, radix: 2))
    }
    define("oct") { args in
      let number = try args.bind("oct(number)").int("number")
      return .string((number < 0 ? "-0o" : "0o") + String(number.magnitude, radix: 8))
    }
    define("format") { args in
      let bound = try args.bind("format(value, format_spec='')")
      return .string(
        try formatValue(bound["value"] ?? .none, try bound.string("format_spec", default: "")))
    }
    define("dir") { [unowned self] args in
      let bound = try args.bind("dir(object=None)")
      guard let value = bound["object"] else { return .list(self.globalNames.map { .string($0) }) }
      return .list(attributeNames(of: value).sorted().map { .string($0) })
    }
    define("globals") { [unowned self] _ in
      let dict = PyDict()
      for name in self.globalNames {
        if let value = self.global(name) { try dict.set(.string(name), value) }
      }
      return .object(dict)
    }
    define("help") { [unowned self] args in
      let bound = try args.bind("help(obj=None)")
      Console.shared.write(self.helpText(for: bound["obj"]) + "\n")
      return .none
    }
    define("input") { _ in
      throw PyError(.runtimeError, "input() is not available in mlscript")
    }
    define("open") { _ in
      throw PyError(.runtimeError, "open() is not available in mlscript; use the data modules")
    }
    define("exit") { args in
      // The message carries the code, which the command's exit status uses.
      let code = try args.bind("exit(code=None)")["code"] ?? .none
      throw PyError(.systemExit, code.isNone ? "" : try code.str())
    }
    table["quit"] = table["exit"]
    return table
  }

  /// The text `help(value)` prints.
  public func helpText(for value: Value?) -> String {
    guard let value else {
      return "Type help(object) for help about an object, dir(object) for its attributes."
    }
    switch value {
    case .object(let function as PyFunction):
      return "Help on function \(function.name):\n\n" + (function.doc ?? function.name)
    case .object(let function as BuiltinFunction):
      return "Help on built-in function \(function.name):\n\n"
        + (function.doc ?? "\(function.name)(...)")
    case .object(let module as PyModule):
      var text = "Help on module \(module.name):\n"
      if let doc = module.doc { text += "\n" + doc + "\n" }
      let names = module.attributeNames().filter { !$0.hasPrefix("_") }
      if !names.isEmpty { text += "\nCONTENTS\n    " + names.joined(separator: ", ") }
      return text
    case .object(let object):
      var text = "Help on \(object.type.name) object:\n"
      if let doc = object.doc { text += "\n" + doc + "\n" }
      let methods = object.type.methods.keys.sorted()
      if !methods.isEmpty {
        text += "\nMethods:\n"
        for name in methods {
          text += "    \(name)"
          if let doc = object.type.methodDocs[name] { text += ": " + doc }
          text += "\n"
        }
      }
      let properties = object.type.properties.keys.sorted()
      if !properties.isEmpty { text += "\nAttributes:\n    " + properties.joined(separator: ", ") }
      return text
    default:
      let type = typeObject(of: value)
      let name = (try? getAttribute(type, "__name__").str()) ?? value.typeName
      let methods = attributeNames(of: value).filter { !$0.hasPrefix("_") }
      return "Help on \(name) object:\n\nMethods:\n    " + methods.joined(separator: ", ")
    }
  }
}

private func textArgument(_ value: Value, _ name: String) throws -> String {
  guard case .string(let text) = value else {
    throw PyError.typeError("\(name) must be None or a string, not \(value.typeName)")
  }
  return text
}

/// An iterator backed by a closure.
final class ClosureIterator: PyIterator {
  private let body: () throws -> Value?
  init(_ body: @escaping () throws -> Value?) { self.body = body }
  func next() throws -> Value? { try body() }
}

/// `isinstance(value, classes)`.
func isInstance(_ value: Value, _ classes: Value) throws -> Bool {
  switch classes {
  case .object(let type as TypeObject): return type.isInstance(value)
  case .object(let exception as ExceptionType):
    guard case .object(let object as ExceptionObject) = value else { return false }
    return object.exceptionType.isSubclass(of: exception)
  case .object(let tuple as PyTuple):
    for item in tuple.items where try isInstance(value, item) { return true }
    return false
  default:
    if case .object(let object) = classes, let answer = object.instanceCheck(value) {
      return answer
    }
    throw PyError.typeError(
      "isinstance() arg 2 must be a type, a tuple of types, or a union")
  }
}

private func extreme(_ arguments: Arguments, name: String, wantLess: Bool) throws -> Value {
  let bound = try arguments.bind("\(name)(*args, key=None, default=None)")
  let items: [Value]
  if bound.extra.count == 1 {
    items = try collect(bound.extra[0])
  } else if bound.extra.isEmpty {
    throw PyError.typeError("\(name) expected at least 1 argument, got 0")
  } else {
    items = bound.extra
  }
  guard var best = items.first else {
    if let fallback = bound["default"] { return fallback }
    throw PyError.valueError("\(name)() arg is an empty sequence")
  }
  let key = bound.optional("key")
  var bestKey = try key.map { try callValue($0, Arguments([best])) } ?? best
  for item in items.dropFirst() {
    let itemKey = try key.map { try callValue($0, Arguments([item])) } ?? item
    let order = try orderValues(itemKey, bestKey, symbol: wantLess ? "<" : ">")
    if wantLess ? order < 0 : order > 0 {
      best = item
      bestKey = itemKey
    }
  }
  return best
}

/// A stable sort by Python's ordering, optionally by key and reversed.
func sortValues(_ items: [Value], key: Value?, reverse: Bool) throws -> [Value] {
  let keys = try key.map { key in try items.map { try callValue(key, Arguments([$0])) } } ?? items
  var order = Array(items.indices)
  var buffer = order
  func less(_ a: Int, _ b: Int) throws -> Bool {
    reverse ? try orderValues(keys[b], keys[a]) < 0 : try orderValues(keys[a], keys[b]) < 0
  }
  var width = 1
  while width < order.count {
    var start = 0
    while start < order.count {
      let middle = min(start + width, order.count)
      let end = min(start + 2 * width, order.count)
      var i = start
      var j = middle
      var k = start
      while i < middle && j < end {
        if try less(order[j], order[i]) {
          buffer[k] = order[j]
          j += 1
        } else {
          buffer[k] = order[i]
          i += 1
        }
        k += 1
      }
      while i < middle {
        buffer[k] = order[i]
        i += 1
        k += 1
      }
      while j < end {
        buffer[k] = order[j]
        j += 1
        k += 1
      }
      start += 2 * width
    }
    swap(&order, &buffer)
    width *= 2
  }
  return order.map { items[$0] }
}

/// `round(number, ndigits)` with round-half-to-even.
func roundValue(_ value: Value, digits: Value?) throws -> Value {
  switch value {
  case .int(let number):
    guard let digits else { return .int(number) }
    return .int(try roundInteger(number, places: try digits.asInt()))
  case .bool(let flag):
    return .int(flag ? 1 : 0)
  default:
    let number = try value.asDouble(
      context: "type \(value.typeName) doesn't define __round__ method; value")
    guard let digits, !digits.isNone else {
      if number.isNaN { throw PyError.valueError("cannot convert float NaN to integer") }
      if number.isInfinite {
        throw PyError(.overflowError, "cannot convert float infinity to integer")
      }
      guard let result = Int(exactly: number.rounded(.toNearestOrEven)) else {
        throw PyError(.overflowError, "int too large (mlscript ints are 64-bit)")
      }
      return .int(result)
    }
    let places = try digits.asInt()
    guard number.isFinite else { return .float(number) }
    if places > 300 { return .float(number) }
    if places >= 0 {
      let text = String(format: "%.\(places)f", number)
      return .float(Double(text) ?? number)
    }
    // Beyond 10**308 the scale is infinite; every finite number rounds to zero.
    if places < -308 { return .float(0.0 * number) }
    let scale = Foundation.pow(10.0, Double(-places))
    let rounded = (number / scale).rounded(.toNearestOrEven) * scale
    if rounded.isInfinite {
      throw PyError(.overflowError, "rounded value too large to represent")
    }
    return .float(rounded)
  }
}

/// Rounds `number` to a multiple of `10 ** -places`, half to even, in exact
/// integer arithmetic; throws OverflowError when the result leaves 64 bits.
func roundInteger(_ number: Int, places: Int) throws -> Int {
  if places >= 0 { return number }

  // Every Int is under half of 10**20, so it rounds to zero at that scale.
  if places < -19 { return 0 }
  var scale: Int128 = 1
  for _ in 0..<(-places) { scale *= 10 }

  let wide = Int128(number)
  var quotient = wide / scale
  var remainder = wide % scale
  if remainder < 0 {
    quotient -= 1
    remainder += scale
  }
  let excess = remainder - (scale - remainder)
  if excess > 0 || (excess == 0 && quotient % 2 != 0) {
    quotient += 1
  }
  guard let result = Int(exactly: quotient * scale) else {
    throw PyError(.overflowError, "rounded int too large (mlscript ints are 64-bit)")
  }
  return result
}
