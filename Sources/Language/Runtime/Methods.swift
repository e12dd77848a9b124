import Foundation

/// A method of `str`, called with the receiver's text.
typealias StringMethod = (String, Arguments) throws -> Value

private func whitespace(_ c: Character) -> Bool { c.isWhitespace }

private func stripCharacters(_ bound: BoundArguments) throws -> ((Unicode.Scalar) -> Bool) {
  guard let chars = bound.optional("chars") else { return { $0.properties.isWhitespace } }
  guard case .string(let set) = chars else {
    throw PyError.typeError("strip arg must be None or str")
  }
  let members = Set(set.unicodeScalars)
  return { members.contains($0) }
}

private func splitText(_ text: String, separator: String?, limit: Int) -> [Value] {
  var parts: [String] = []
  if let separator {
    parts = text.pieces(separatedBy: separator, limit: limit)
  } else {
    // TODO: splitting on whitespace, and the is*/case methods below, still
    // walk grapheme clusters, so a combining mark after a space stays with
    // it; Python treats each code point alone.
    var rest = Substring(text).drop(while: whitespace)
    while !rest.isEmpty {
      if limit >= 0 && parts.count >= limit {
        var tail = String(rest)
        while let last = tail.last, last.isWhitespace { tail.removeLast() }
        parts.append(tail)
        break
      }
      let word = rest.prefix { !$0.isWhitespace }
      parts.append(String(word))
      rest = rest.dropFirst(word.count).drop(while: whitespace)
    }
  }
  return parts.map { .string($0) }
}

private func prefixes(_ value: Value, _ name: String) throws -> [String] {
  switch value {
  case .string(let text): return [text]
  case .object(let tuple as PyTuple):
    return try tuple.items.map {
      guard case .string(let text) = $0 else {
        throw PyError.typeError(
          "tuple for \(name) must only contain str, not \($0.typeName)")
      }
      return text
    }
  default:
    throw PyError.typeError(
      "\(name) first arg must be str or a tuple of str, not \(value.typeName)")
  }
}

private func find(_ text: String, _ bound: BoundArguments, last: Bool) throws -> Int {
  let needle = try bound.string("sub")
  let characters = text.codePoints
  let count = characters.count
  var start = try bound.optional("start").map { try $0.asInt() } ?? 0
  var end = try bound.optional("end").map { try $0.asInt() } ?? count
  if start < 0 { start = max(0, start + count) }
  if end < 0 { end = max(0, end + count) }
  end = min(end, count)
  guard start <= end else { return -1 }
  let needleCharacters = needle.codePoints
  guard needleCharacters.count <= end - start else { return -1 }
  let positions = start...(end - needleCharacters.count)
  for position in last ? Array(positions.reversed()) : Array(positions)
  where characters[position..<(position + needleCharacters.count)].elementsEqual(
    needleCharacters)
  {
    return position
  }
  return -1
}

private func justify(_ text: String, _ bound: BoundArguments, _ align: Character) throws -> Value {
  let width = try bound.int("width")
  let fill = try bound.string("fillchar", default: " ")
  guard fill.unicodeScalars.count == 1, let character = fill.first else {
    throw PyError.typeError("The fill character must be exactly one character long")
  }
  let length = text.codePointCount
  guard width > length else { return .string(text) }
  let padding = width - length
  try Limits.checkString(length: width)
  var left = 0
  switch align {
  case "<": left = 0
  case ">": left = padding
  default: left = padding / 2 + (padding & width & 1)
  }
  return .string(
    String(repeating: character, count: left) + text
      + String(repeating: character, count: padding - left))
}

/// The methods of `str` by name.
nonisolated(unsafe) let stringMethods: [String: StringMethod] = [
  "format": { text, args in .string(try strFormat(text, args)) },
  "join": { text, args in
    let iterable = try args.bind("join(iterable)")["iterable"] ?? .none
    var parts: [String] = []
    var index = 0
    try forEach(iterable) { item in
      guard case .string(let part) = item else {
        throw PyError.typeError(
          "sequence item \(index): expected str instance, \(item.typeName) found")
      }
      parts.append(part)
      index += 1
    }
    return .string(parts.joined(separator: text))
  },
  "split": { text, args in
    let bound = try args.bind("split(sep=None, maxsplit=-1)")
    let separator = try bound.optional("sep").map { value -> String in
      guard case .string(let separator) = value else {
        throw PyError.typeError("must be str or None, not \(value.typeName)")
      }
      if separator.isEmpty { throw PyError.valueError("empty separator") }
      return separator
    }
    return .list(
      splitText(text, separator: separator, limit: try bound.int("maxsplit", default: -1)))
  },
  "rsplit": { text, args in
    let bound = try args.bind("rsplit(sep=None, maxsplit=-1)")
    let limit = try bound.int("maxsplit", default: -1)
    let separator = try bound.optional("sep").map { try $0.str() }
    if limit < 0 { return .list(splitText(text, separator: separator, limit: -1)) }
    if let separator {
      if separator.isEmpty { throw PyError.valueError("empty separator") }
      return .list(
        text.pieces(separatedBy: separator, limit: limit, fromBack: true).map { .string($0) })
    }
    let reversedText = String(text.reversed())
    let reversedSeparator = separator.map { String($0.reversed()) }
    let parts = splitText(reversedText, separator: reversedSeparator, limit: limit)
    return .list(parts.reversed().map { .string(String((try? $0.str())?.reversed() ?? [])) })
  },
  "splitlines": { text, args in
    let bound = try args.bind("splitlines(keepends=False)")
    let keep = try bound.bool("keepends", default: false)
    var lines: [Value] = []
    var current = ""
    for character in text {
      if character == "\n" || character == "\r\n" || character == "\r" {
        lines.append(.string(keep ? current + String(character) : current))
        current = ""
      } else {
        current.append(character)
      }
    }
    if !current.isEmpty { lines.append(.string(current)) }
    return .list(lines)
  },
  "strip": { text, args in
    let test = try stripCharacters(try args.bind("strip(chars=None)"))
    let scalars = text.unicodeScalars
    let start = scalars.firstIndex { !test($0) } ?? scalars.endIndex
    let end = scalars.lastIndex { !test($0) }.map { scalars.index(after: $0) } ?? start
    return .string(String(scalars[start..<max(start, end)]))
  },
  "lstrip": { text, args in
    let test = try stripCharacters(try args.bind("lstrip(chars=None)"))
    return .string(String(text.unicodeScalars.drop(while: test)))
  },
  "rstrip": { text, args in
    let test = try stripCharacters(try args.bind("rstrip(chars=None)"))
    let scalars = text.unicodeScalars
    let end = scalars.lastIndex { !test($0) }.map { scalars.index(after: $0) }
    return .string(String(scalars[..<(end ?? scalars.startIndex)]))
  },
  "replace": { text, args in
    let bound = try args.bind("replace(old, new, count=-1)")
    let old = try bound.string("old")
    let new = try bound.string("new")
    let count = try bound.int("count", default: -1)
    if old.isEmpty {
      // An empty pattern matches before each code point and at the end.
      let scalars = Array(text.unicodeScalars)
      let slots = count < 0 ? scalars.count + 1 : min(count, scalars.count + 1)
      var result = ""
      for index in 0..<slots {
        result += new
        if index < scalars.count { result.unicodeScalars.append(scalars[index]) }
      }
      if slots <= scalars.count { result += String(codePoints: scalars[slots...]) }
      return .string(result)
    }
    return .string(text.pieces(separatedBy: old, limit: count).joined(separator: new))
  },
  "upper": { text, _ in .string(text.uppercased()) },
  "lower": { text, _ in .string(text.lowercased()) },
  "casefold": { text, _ in .string(text.lowercased()) },
  "swapcase": { text, _ in
    .string(
      String(text.map { $0.isUppercase ? Character($0.lowercased()) : Character($0.uppercased()) }))
  },
  "title": { text, _ in
    var result = ""
    var previousIsLetter = false
    for character in text {
      result += previousIsLetter ? character.lowercased() : character.uppercased()
      previousIsLetter = character.isLetter
    }
    return .string(result)
  },
  "capitalize": { text, _ in
    .string(text.prefix(1).uppercased() + text.dropFirst().lowercased())
  },
  "startswith": { text, args in
    let bound = try args.bind("startswith(prefix, start=None, end=None)")
    let options = try prefixes(bound["prefix"] ?? .none, "startswith")
    let start = try bound.optional("start")?.asInt() ?? 0
    let slice = String(text.unicodeScalars.dropFirst(max(0, start)))
    return .bool(options.contains { slice.hasCodePointPrefix($0) })
  },
  "endswith": { text, args in
    let bound = try args.bind("endswith(suffix, start=None, end=None)")
    let options = try prefixes(bound["suffix"] ?? .none, "endswith")
    return .bool(options.contains { text.hasCodePointSuffix($0) })
  },
  "find": { text, args in
    .int(try find(text, try args.bind("find(sub, start=None, end=None)"), last: false))
  },
  "rfind": { text, args in
    .int(try find(text, try args.bind("rfind(sub, start=None, end=None)"), last: true))
  },
  "index": { text, args in
    let position = try find(text, try args.bind("index(sub, start=None, end=None)"), last: false)
    if position < 0 { throw PyError.valueError("substring not found") }
    return .int(position)
  },
  "rindex": { text, args in
    let position = try find(text, try args.bind("rindex(sub, start=None, end=None)"), last: true)
    if position < 0 { throw PyError.valueError("substring not found") }
    return .int(position)
  },
  "count": { text, args in
    let needle = try args.bind("count(sub)").string("sub")
    if needle.isEmpty { return .int(text.codePointCount + 1) }
    return .int(text.countCodePoints(of: needle))
  },
  "isdigit": { text, _ in .bool(!text.isEmpty && text.allSatisfy { $0.isNumber }) },
  "isnumeric": { text, _ in .bool(!text.isEmpty && text.allSatisfy { $0.isNumber }) },
  "isdecimal": { text, _ in .bool(!text.isEmpty && text.allSatisfy { $0.isNumber }) },
  "isalpha": { text, _ in .bool(!text.isEmpty && text.allSatisfy { $0.isLetter }) },
  "isalnum": { text, _ in
    .bool(!text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber })
  },
  "isspace": { text, _ in .bool(!text.isEmpty && text.allSatisfy { $0.isWhitespace }) },
  "isupper": { text, _ in
    .bool(text.contains { $0.isCased } && !text.contains { $0.isLowercase })
  },
  "islower": { text, _ in
    .bool(text.contains { $0.isCased } && !text.contains { $0.isUppercase })
  },
  "isidentifier": { text, _ in
    .bool(
      !text.isEmpty && !(text.first?.isNumber ?? true)
        && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" })
  },
  "center": { text, args in
    try justify(text, try args.bind("center(width, fillchar=' ')"), "^")
  },
  "ljust": { text, args in
    try justify(text, try args.bind("ljust(width, fillchar=' ')"), "<")
  },
  "rjust": { text, args in
    try justify(text, try args.bind("rjust(width, fillchar=' ')"), ">")
  },
  "zfill": { text, args in
    let width = try args.bind("zfill(width)").int("width")
    let length = text.codePointCount
    guard length < width else { return .string(text) }
    try Limits.checkString(length: width)
    let padding = String(repeating: "0", count: width - length)
    if let first = text.first, first == "-" || first == "+" {
      return .string(String(first) + padding + text.dropFirst())
    }
    return .string(padding + text)
  },
  "partition": { text, args in
    let separator = try args.bind("partition(sep)").string("sep")
    if separator.isEmpty { throw PyError.valueError("empty separator") }
    let parts = text.pieces(separatedBy: separator, limit: 1)
    guard parts.count == 2 else { return .tuple([.string(text), .string(""), .string("")]) }
    return .tuple([.string(parts[0]), .string(separator), .string(parts[1])])
  },
  "rpartition": { text, args in
    let separator = try args.bind("rpartition(sep)").string("sep")
    if separator.isEmpty { throw PyError.valueError("empty separator") }
    let parts = text.pieces(separatedBy: separator, limit: 1, fromBack: true)
    guard parts.count == 2 else { return .tuple([.string(""), .string(""), .string(text)]) }
    return .tuple([.string(parts[0]), .string(separator), .string(parts[1])])
  },
  "removeprefix": { text, args in
    let prefix = try args.bind("removeprefix(prefix)").string("prefix")
    guard text.hasCodePointPrefix(prefix) else { return .string(text) }
    return .string(text.bytes(prefix.utf8.count..<text.utf8.count))
  },
  "removesuffix": { text, args in
    let suffix = try args.bind("removesuffix(suffix)").string("suffix")
    guard text.hasCodePointSuffix(suffix) else { return .string(text) }
    return .string(text.bytes(0..<(text.utf8.count - suffix.utf8.count)))
  },
]

private func listIndex(_ items: [Value], _ value: Value, name: String) throws -> Int {
  for (index, item) in items.enumerated() where try valuesEqual(item, value) { return index }
  throw PyError.valueError(
    name == "list" ? "\(try value.repr()) is not in list" : "tuple.index(x): x not in tuple")
}

/// A live view of a dict's keys, values or items.
final class PyDictView: PyObject {
  enum Kind: String { case keys = "dict_keys", values = "dict_values", items = "dict_items" }
  let dict: PyDict
  let kind: Kind
  init(_ dict: PyDict, _ kind: Kind) {
    self.dict = dict
    self.kind = kind
  }
  override var type: PyType { Self.types[kind.rawValue] ?? PyType.object }
  static let types: [String: PyType] = [
    "dict_keys": PyType("dict_keys"), "dict_values": PyType("dict_values"),
    "dict_items": PyType("dict_items"),
  ]
  var items: [Value] {
    switch kind {
    case .keys: return dict.keys
    case .values: return dict.pairs.map(\.value)
    case .items: return dict.pairs.map { .tuple([$0.key, $0.value]) }
    }
  }
  override func makeIterator() throws -> PyIterator { ArrayIterator(items) }
  override func length() throws -> Int { try dict.length() }
  override func contains(_ value: Value) throws -> Bool {
    if kind == .keys { return try dict.contains(value) }
    return try containsValue(.list(items), value)
  }
  override func repr() throws -> String { "\(kind.rawValue)(\(try Value.list(items).repr()))" }
  override func hashKey() throws -> AnyHashable? { nil }
}

nonisolated(unsafe) private var typeMethodsInstalled = false

/// Adds the methods of list, tuple, dict and set to their types.
func installTypeMethods() {
  guard !typeMethodsInstalled else { return }
  typeMethodsInstalled = true

  let list = PyList.pyType
  list.method("append") { (l: PyList, args) in
    l.items.append(try args.bind("append(object)")["object"] ?? .none)
    return .none
  }
  list.method("extend") { (l: PyList, args) in
    let items = try collect(try args.bind("extend(iterable)")["iterable"] ?? .none)
    l.items.append(contentsOf: items)
    return .none
  }
  list.method("pop") { (l: PyList, args) in
    let bound = try args.bind("pop(index=-1)")
    guard !l.items.isEmpty else { throw PyError(.indexError, "pop from empty list") }
    var index = try bound.int("index", default: -1)
    if index < 0 { index += l.items.count }
    guard index >= 0 && index < l.items.count else {
      throw PyError(.indexError, "pop index out of range")
    }
    return l.items.remove(at: index)
  }
  list.method("insert") { (l: PyList, args) in
    let bound = try args.bind("insert(index, object)")
    var index = try bound.int("index")
    if index < 0 { index = max(0, index + l.items.count) }
    l.items.insert(bound["object"] ?? .none, at: min(index, l.items.count))
    return .none
  }
  list.method("remove") { (l: PyList, args) in
    let value = try args.bind("remove(value)")["value"] ?? .none
    for (index, item) in l.items.enumerated() where try valuesEqual(item, value) {
      l.items.remove(at: index)
      return .none
    }
    throw PyError.valueError("list.remove(x): x not in list")
  }
  list.method("index") { (l: PyList, args) in
    .int(try listIndex(l.items, try args.bind("index(value)")["value"] ?? .none, name: "list"))
  }
  list.method("count") { (l: PyList, args) in
    let value = try args.bind("count(value)")["value"] ?? .none
    return .int(try l.items.filter { try valuesEqual($0, value) }.count)
  }
  list.method("sort") { (l: PyList, args) in
    let bound = try args.bind("sort(*, key=None, reverse=False)")
    l.items = try sortValues(
      l.items, key: bound.optional("key"), reverse: try bound.bool("reverse", default: false))
    return .none
  }
  list.method("reverse") { (l: PyList, _) in
    l.items.reverse()
    return .none
  }
  list.method("copy") { (l: PyList, _) in .list(l.items) }
  list.method("clear") { (l: PyList, _) in
    l.items.removeAll()
    return .none
  }

  let tuple = PyTuple.pyType
  tuple.method("index") { (t: PyTuple, args) in
    .int(try listIndex(t.items, try args.bind("index(value)")["value"] ?? .none, name: "tuple"))
  }
  tuple.method("count") { (t: PyTuple, args) in
    let value = try args.bind("count(value)")["value"] ?? .none
    return .int(try t.items.filter { try valuesEqual($0, value) }.count)
  }

  let dict = PyDict.pyType
  dict.method("keys") { (d: PyDict, _) in .object(PyDictView(d, .keys)) }
  dict.method("values") { (d: PyDict, _) in .object(PyDictView(d, .values)) }
  dict.method("items") { (d: PyDict, _) in .object(PyDictView(d, .items)) }
  dict.method("get") { (d: PyDict, args) in
    let bound = try args.bind("get(key, default=None)")
    return try d.get(bound["key"] ?? .none) ?? bound["default"] ?? .none
  }
  dict.method("setdefault") { (d: PyDict, args) in
    let bound = try args.bind("setdefault(key, default=None)")
    let key = bound["key"] ?? .none
    if let existing = try d.get(key) { return existing }
    let value = bound["default"] ?? .none
    try d.set(key, value)
    return value
  }
  dict.method("pop") { (d: PyDict, args) in
    let bound = try args.bind("pop(key, default=None)")
    let key = bound["key"] ?? .none
    if let value = try d.remove(key) { return value }
    if let fallback = bound["default"] { return fallback }
    throw PyError.keyError(key)
  }
  dict.method("popitem") { (d: PyDict, _) in
    guard let key = d.lastKey, let value = try d.remove(key) else {
      throw PyError(.keyError, "'popitem(): dictionary is empty'")
    }
    return .tuple([key, value])
  }
  dict.method("update") { (d: PyDict, args) in
    let bound = try args.bind("update(other=None, **kwargs)")
    if let other = bound.optional("other") { try updateDict(d, from: other) }
    for (name, value) in bound.extraKeywords { try d.set(.string(name), value) }
    return .none
  }
  dict.method("copy") { (d: PyDict, _) in
    let copy = PyDict()
    for (key, value) in d.pairs { try copy.set(key, value) }
    return .object(copy)
  }
  dict.method("clear") { (d: PyDict, _) in
    for key in d.keys { try d.remove(key) }
    return .none
  }

  let set = PySet.pyType
  set.method("add") { (s: PySet, args) in
    try s.add(try args.bind("add(element)")["element"] ?? .none)
    return .none
  }
  set.method("remove") { (s: PySet, args) in
    let value = try args.bind("remove(element)")["element"] ?? .none
    guard try s.remove(value) else { throw PyError.keyError(value) }
    return .none
  }
  set.method("discard") { (s: PySet, args) in
    try s.remove(try args.bind("discard(element)")["element"] ?? .none)
    return .none
  }
  set.method("pop") { (s: PySet, _) in
    guard let item = try s.popItem() else { throw PyError(.keyError, "'pop from an empty set'") }
    return item
  }
  set.method("copy") { (s: PySet, _) in .object(try s.copy()) }
  set.method("clear") { (s: PySet, _) in
    s.removeAll()
    return .none
  }
  set.method("union") { (s: PySet, args) in
    let result = try s.copy()
    for other in args.positional { try result.update(from: other) }
    return .object(result)
  }
  set.method("intersection") { (s: PySet, args) in
    var result = s
    if args.positional.isEmpty { result = try s.copy() }
    for other in args.positional { result = try result.intersection(with: other) }
    return .object(result)
  }
  set.method("difference") { (s: PySet, args) in
    guard let first = args.positional.first else { return .object(try s.copy()) }
    let result = try s.difference(with: first)
    for other in args.positional.dropFirst() { try forEach(other) { try result.remove($0) } }
    return .object(result)
  }
  set.method("symmetric_difference") { (s: PySet, args) in
    let other = try args.bind("symmetric_difference(other)")["other"] ?? .none
    let result = PySet()
    try result.update(from: other)
    try result.toggle(s)
    return .object(result)
  }
  set.method("update") { (s: PySet, args) in
    for other in args.positional { try s.update(from: other) }
    return .none
  }
  set.method("issubset") { (s: PySet, args) in
    let other = PySet()
    try forEach(try args.bind("issubset(other)")["other"] ?? .none) { try other.add($0) }
    return .bool(try s.isSubset(of: other))
  }
  set.method("issuperset") { (s: PySet, args) in
    let other = PySet()
    try forEach(try args.bind("issuperset(other)")["other"] ?? .none) { try other.add($0) }
    return .bool(try other.isSubset(of: s))
  }
}
