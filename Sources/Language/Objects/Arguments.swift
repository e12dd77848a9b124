/// The arguments of one call, as the caller wrote them.
public struct Arguments {
  /// Positional arguments, `*args` already spread.
  public var positional: [Value]
  /// Keyword arguments in the order written, `**kwargs` already spread.
  public var keywords: [(name: String, value: Value)]

  /// Makes an argument list.
  public init(_ positional: [Value] = [], keywords: [(name: String, value: Value)] = []) {
    self.positional = positional
    self.keywords = keywords
  }

  /// Matches the arguments to `signature`, raising Python's TypeErrors
  /// (missing, unexpected or repeated arguments) with the function named.
  public func bind(_ signature: Signature) throws -> BoundArguments {
    try signature.bind(self)
  }

  /// Matches the arguments to a signature written as Python writes one:
  /// `"sum(a, axis=None, dtype=None, keepdims=False)"`.
  public func bind(_ signature: String) throws -> BoundArguments {
    try Signature.parse(signature).bind(self)
  }
}

/// A function's parameters, for binding arguments and for help text.
public struct Signature: Sendable {
  /// One parameter.
  public struct Parameter: Sendable {
    /// Its name.
    public var name: String
    /// Its default as written, or nil when it is required.
    public var defaultText: String?
    /// Whether it can only be passed by keyword (after `*`).
    public var keywordOnly: Bool
  }

  /// The function's name, used in error messages.
  public var function: String
  /// The named parameters in order.
  public var parameters: [Parameter]
  /// The name of `*args`, if the function takes extra positionals.
  public var variadic: String?
  /// The name of `**kwargs`, if the function takes extra keywords.
  public var keywordVariadic: String?
  /// The text it was parsed from.
  public var text: String

  nonisolated(unsafe) private static var cache: [String: Signature] = [:]

  /// Parses `"name(a, b=1, *args, c=None, **kwargs)"`; parsed signatures
  /// are cached, so binding in a hot path costs no parsing.
  public static func parse(_ text: String) -> Signature {
    if let known = cache[text] { return known }
    let open = text.firstIndex(of: "(") ?? text.endIndex
    let function = String(text[..<open])
    var body = open < text.endIndex ? String(text[text.index(after: open)...]) : ""
    if body.hasSuffix(")") { body.removeLast() }
    var signature = Signature(
      function: function, parameters: [], variadic: nil, keywordVariadic: nil, text: text)
    var keywordOnly = false
    for rawPart in body.split(separator: ",") {
      let part = rawPart.trimmingSpaces()
      if part.isEmpty { continue }
      if part == "/" {
        continue
      } else if part == "*" {
        keywordOnly = true
      } else if part.hasPrefix("**") {
        signature.keywordVariadic = String(part.dropFirst(2))
      } else if part.hasPrefix("*") {
        signature.variadic = String(part.dropFirst())
        keywordOnly = true
      } else if let equals = part.firstIndex(of: "=") {
        let name = String(part[..<equals]).trimmingSpaces()
        let value = String(part[part.index(after: equals)...]).trimmingSpaces()
        signature.parameters.append(
          Parameter(name: name, defaultText: value, keywordOnly: keywordOnly))
      } else {
        signature.parameters.append(
          Parameter(name: part, defaultText: nil, keywordOnly: keywordOnly))
      }
    }
    cache[text] = signature
    return signature
  }

  /// Matches a call's arguments to the parameters.
  public func bind(_ arguments: Arguments) throws -> BoundArguments {
    var values = [Value?](repeating: nil, count: parameters.count)
    var extra: [Value] = []
    var extraKeywords: [(name: String, value: Value)] = []

    let positionalSlots = parameters.prefix { !$0.keywordOnly }.count
    for (index, value) in arguments.positional.enumerated() {
      if index < positionalSlots {
        values[index] = value
      } else if variadic != nil {
        extra.append(value)
      } else {
        throw PyError.typeError(
          "\(function)() takes \(describeCount(positionalSlots)) positional argument"
            + "\(positionalSlots == 1 ? "" : "s") but \(arguments.positional.count)"
            + " \(arguments.positional.count == 1 ? "was" : "were") given")
      }
    }

    for (name, value) in arguments.keywords {
      if let index = parameters.firstIndex(where: { $0.name == name }) {
        guard values[index] == nil else {
          throw PyError.typeError("\(function)() got multiple values for argument '\(name)'")
        }
        values[index] = value
      } else if keywordVariadic != nil {
        extraKeywords.append((name, value))
      } else {
        throw PyError.typeError(
          "\(function)() got an unexpected keyword argument '\(name)'"
            + suggestion(for: name) + "; it takes \(text)")
      }
    }

    let missing = parameters.indices.filter {
      values[$0] == nil && parameters[$0].defaultText == nil
    }
    if !missing.isEmpty {
      let names = missing.map { "'\(parameters[$0].name)'" }
      let list =
        names.count == 1
        ? names[0]
        : names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
      throw PyError.typeError(
        "\(function)() missing \(names.count) required argument"
          + "\(names.count == 1 ? "" : "s"): \(list); it takes \(text)")
    }
    return BoundArguments(
      signature: self, values: values, extra: extra, extraKeywords: extraKeywords)
  }

  private func describeCount(_ count: Int) -> String {
    let optional = parameters.prefix(count).filter { $0.defaultText != nil }.count
    if optional == 0 { return "\(count)" }
    return "from \(count - optional) to \(count)"
  }

  private func suggestion(for name: String) -> String {
    let names = parameters.map(\.name)
    guard let close = closestName(to: name, in: names) else { return "" }
    return " (did you mean '\(close)'?)"
  }
}

/// Arguments matched to a signature's parameters by name.
public struct BoundArguments {
  /// The signature they were matched to.
  public let signature: Signature
  fileprivate let values: [Value?]
  /// The extra positional arguments (`*args`).
  public let extra: [Value]
  /// The extra keyword arguments (`**kwargs`).
  public let extraKeywords: [(name: String, value: Value)]

  fileprivate init(
    signature: Signature, values: [Value?], extra: [Value],
    extraKeywords: [(name: String, value: Value)]
  ) {
    self.signature = signature
    self.values = values
    self.extra = extra
    self.extraKeywords = extraKeywords
  }

  /// The argument for `name`, or nil when it was not passed.
  public subscript(_ name: String) -> Value? {
    guard let index = signature.parameters.firstIndex(where: { $0.name == name }) else {
      return nil
    }
    return values[index]
  }

  /// The argument for `name`, with `None` read as not passed.
  public func optional(_ name: String) -> Value? {
    guard let value = self[name], !value.isNone else { return nil }
    return value
  }

  /// The argument for `name` as an int, or `fallback` when not passed.
  public func int(_ name: String, default fallback: Int? = nil) throws -> Int {
    guard let value = optional(name) else { return try require(name, fallback) }
    return try value.asInt(context: argumentContext(name))
  }

  /// The argument for `name` as a float, or `fallback` when not passed.
  public func double(_ name: String, default fallback: Double? = nil) throws -> Double {
    guard let value = optional(name) else { return try require(name, fallback) }
    return try value.asDouble(context: argumentContext(name))
  }

  /// The argument for `name` as a str, or `fallback` when not passed.
  public func string(_ name: String, default fallback: String? = nil) throws -> String {
    guard let value = optional(name) else { return try require(name, fallback) }
    guard case .string(let text) = value else {
      throw PyError.typeError(
        "\(argumentContext(name)) must be str, not \(value.typeName)")
    }
    return text
  }

  /// The argument for `name` read as a truth value, or `fallback`.
  public func bool(_ name: String, default fallback: Bool? = nil) throws -> Bool {
    guard let value = optional(name) else { return try require(name, fallback) }
    return try value.isTruthy()
  }

  /// The phrase errors use for this argument: `sum() argument 'axis'`.
  public func argumentContext(_ name: String) -> String {
    "\(signature.function)() argument '\(name)'"
  }

  private func require<T>(_ name: String, _ fallback: T?) throws -> T {
    guard let fallback else {
      throw PyError.typeError("\(signature.function)() missing required argument '\(name)'")
    }
    return fallback
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces.
  func trimmingSpaces() -> String {
    var slice = Substring(self)
    while slice.first == " " { slice.removeFirst() }
    while slice.last == " " { slice.removeLast() }
    return String(slice)
  }
}
