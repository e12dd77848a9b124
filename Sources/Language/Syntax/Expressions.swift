/// An expression of the syntax tree; evaluating it yields a value.
class Expr {
  var pos: Pos
  /// How deeply nested the expression is, to refuse trees that would
  /// exhaust the stack.
  var depth = 1

  init(_ pos: Pos) { self.pos = pos }

  func eval(_ f: Frame) throws -> Value {
    throw PyError(.runtimeError, "expression cannot be evaluated")
  }

  /// Stores a value into the expression used as an assignment target.
  func assign(_ value: Value, _ f: Frame) throws {
    throw PyError(.syntaxError, "cannot assign to expression")
  }

  /// `del` of the expression.
  func delete(_ f: Frame) throws {
    throw PyError(.syntaxError, "cannot delete expression")
  }

  /// What the target kind is called in "cannot assign to ..." messages,
  /// or nil when it can be assigned to.
  var assignmentProblem: String? { "expression" }
}

final class ConstantExpr: Expr {
  let value: Value
  init(_ value: Value, _ pos: Pos) {
    self.value = value
    super.init(pos)
  }
  override func eval(_ f: Frame) throws -> Value { value }
  override var assignmentProblem: String? {
    switch value {
    case .none, .bool: return "literal"
    case .object(let object) where object is PyEllipsis: return "ellipsis"
    default: return "literal"
    }
  }
}

/// A name reference, which the resolver binds to a slot, cell or global.
final class NameExpr: Expr {
  let name: String
  var access: Access = .unresolved {
    didSet {
      localSlot = -1
      globalBox = nil
      switch access {
      case .local(let slot): localSlot = slot
      case .global(let box): globalBox = Unmanaged.passUnretained(box)
      default: break
      }
    }
  }
  /// The slot of a local name, or -1: read without copying `access`.
  private(set) var localSlot = -1
  // `access` keeps the box alive, so this copy needs no counting.
  private var globalBox: Unmanaged<GlobalBox>?

  /// The language function a global name holds, borrowed: the box keeps
  /// it alive for as long as a call of it runs.
  @inline(__always)
  var globalFunction: Unmanaged<PyFunction>? {
    guard let box = globalBox else { return nil }
    return box._withUnsafeGuaranteedRef { $0.function }
  }

  /// The small integer held by a local slot, read in place.
  @inline(__always)
  func localInt(_ f: Frame) -> Int? {
    guard localSlot >= 0, case .int(let x)? = f.slots[localSlot] else { return nil }
    return x
  }

  init(_ name: String, _ pos: Pos) {
    self.name = name
    super.init(pos)
  }

  override var assignmentProblem: String? {
    if name == "None" || name == "True" || name == "False" { return name }
    return nil
  }

  override func eval(_ f: Frame) throws -> Value {
    if localSlot >= 0, let value = f.slots[localSlot] { return value }
    if let box = globalBox, let value = box._withUnsafeGuaranteedRef({ $0.value }) {
      return value
    }
    return try lookUp(f)
  }

  /// The general read, which also raises the errors of unbound names.
  private func lookUp(_ f: Frame) throws -> Value {
    switch access {
    case .local(let slot):
      if let value = f.slots[slot] { return value }
      throw f.located(
        PyError(
          .unboundLocalError,
          "cannot access local variable '\(name)' where it is not associated with a value"),
        pos)
    case .global(let box):
      if let value = box.value { return value }
      if let value = box.builtin { return value }
      throw f.located(f.interpreter.nameError(name, frame: f), pos)
    case .cell(let index):
      if let value = f.cells[index].value { return value }
      throw f.located(
        PyError(
          .nameError,
          "cannot access free variable '\(name)' where it is not associated with a value"
            + " in enclosing scope"), pos)
    case .unresolved:
      throw f.located(f.interpreter.nameError(name, frame: f), pos)
    }
  }

  override func assign(_ value: Value, _ f: Frame) throws {
    if localSlot >= 0 {
      f.slots[localSlot] = value
      return
    }
    if let box = globalBox {
      box._withUnsafeGuaranteedRef { $0.set(value) }
      return
    }
    switch access {
    case .local(let slot): f.slots[slot] = value
    case .global(let box): box.set(value)
    case .cell(let index): f.cells[index].value = value
    case .unresolved: throw PyError(.runtimeError, "unresolved name '\(name)'")
    }
  }

  override func delete(_ f: Frame) throws {
    switch access {
    case .local(let slot):
      guard f.slots[slot] != nil else {
        throw f.located(
          PyError(
            .unboundLocalError,
            "cannot access local variable '\(name)' where it is not associated with a value"),
          pos)
      }
      f.slots[slot] = nil
    case .global(let box):
      guard box.value != nil else {
        throw f.located(f.interpreter.nameError(name, frame: f), pos)
      }
      box.set(nil)
    case .cell(let index):
      f.cells[index].value = nil
    case .unresolved: break
    }
  }
}

final class BinaryExpr: Expr {
  let op: BinaryOperator
  let left: Expr
  let right: Expr
  let opPos: Pos

  /// The left operand when it is a name; `left` keeps it alive.
  private let leftName: Unmanaged<NameExpr>?
  /// The right operand when it is an integer literal.
  private let rightInt: Int?

  init(_ op: BinaryOperator, _ left: Expr, _ right: Expr, opPos: Pos) {
    self.op = op
    self.left = left
    self.right = right
    self.opPos = opPos
    leftName = (left as? NameExpr).map { Unmanaged.passUnretained($0) }
    rightInt = integerLiteral(right)
    super.init(left.pos.through(right.pos))
    depth = max(left.depth, right.depth) + 1
  }

  override func eval(_ f: Frame) throws -> Value {
    if let name = leftName, let y = rightInt,
      let x = name._withUnsafeGuaranteedRef({ $0.localInt(f) })
    {
      // `n - 1`: a local integer and a literal, read in place.
      if let result = smallIntSumOrDifference(op, x, y) { return result }
    }
    let a = try left.eval(f)
    let b = try right.eval(f)
    if case .int(let x) = a, case .int(let y) = b {
      if let result = smallIntSumOrDifference(op, x, y) { return result }
      switch op {
      case .multiply:
        let (product, overflow) = x.multipliedReportingOverflow(by: y)
        if !overflow { return .int(product) }
      default: break
      }
    } else if case .float(let x) = a, case .float(let y) = b {
      switch op {
      case .add: return .float(x + y)
      case .subtract: return .float(x - y)
      case .multiply: return .float(x * y)
      default: break
      }
    }
    return try general(a, b, f)
  }

  // Kept out of `eval`, so the common integer cases stay small.
  @inline(never)
  private func general(_ a: Value, _ b: Value, _ f: Frame) throws -> Value {
    do {
      return try binaryOperation(op, a, b)
    } catch {
      throw f.located(error, pos, focus: opPos)
    }
  }
}

final class UnaryExpr: Expr {
  let op: UnaryOperator
  let operand: Expr

  init(_ op: UnaryOperator, _ operand: Expr, _ pos: Pos) {
    self.op = op
    self.operand = operand
    super.init(pos)
    depth = operand.depth + 1
  }

  override func eval(_ f: Frame) throws -> Value {
    let value = try operand.eval(f)
    if op == .negate, case .int(let x) = value, x != Int.min { return .int(-x) }
    do {
      return try unaryOperation(op, value)
    } catch {
      throw f.located(error, pos)
    }
  }
}

final class NotExpr: Expr {
  let operand: Expr
  init(_ operand: Expr, _ pos: Pos) {
    self.operand = operand
    super.init(pos)
    depth = operand.depth + 1
  }
  override func eval(_ f: Frame) throws -> Value {
    let value = try operand.eval(f)
    do {
      return .bool(!(try value.isTruthy()))
    } catch {
      throw f.located(error, pos)
    }
  }
}

final class BoolOpExpr: Expr {
  let isAnd: Bool
  let values: [Expr]
  init(isAnd: Bool, _ values: [Expr]) {
    self.isAnd = isAnd
    self.values = values
    super.init(values[0].pos.through(values[values.count - 1].pos))
    depth = (values.map(\.depth).max() ?? 0) + 1
  }
  override func eval(_ f: Frame) throws -> Value {
    var result = Value.none
    for (index, expression) in values.enumerated() {
      result = try expression.eval(f)
      if index == values.count - 1 { break }
      let truth: Bool
      do { truth = try result.isTruthy() } catch { throw f.located(error, expression.pos) }
      if truth != isAnd { return result }
    }
    return result
  }
}

/// The value of an integer literal expression, or nil.
private func integerLiteral(_ expression: Expr) -> Int? {
  guard let constant = expression as? ConstantExpr, case .int(let x) = constant.value else {
    return nil
  }
  return x
}

/// One comparison of a name with an integer literal, such as `n < 2`,
/// which reads a local integer in place.
struct SimpleComparison {
  /// The name compared; the comparison expression keeps it alive.
  let name: Unmanaged<NameExpr>
  let op: CompareOp
  let literal: Int

  /// The outcome when the name is a local holding an integer, or nil.
  @inline(__always)
  func truth(_ f: Frame) -> Bool? {
    guard let x = name._withUnsafeGuaranteedRef({ $0.localInt(f) }) else { return nil }
    switch op {
    case .less: return x < literal
    case .lessEqual: return x <= literal
    case .greater: return x > literal
    case .greaterEqual: return x >= literal
    case .equal: return x == literal
    case .notEqual: return x != literal
    default: return nil
    }
  }
}

/// The comparison operators, including identity and membership.
enum CompareOp {
  case less, lessEqual, greater, greaterEqual, equal, notEqual, isSame, isNot, isIn, notIn
}

final class CompareExpr: Expr {
  let left: Expr
  let ops: [CompareOp]
  let comparators: [Expr]

  /// For `n < 2`, one comparison of a name with an integer literal.
  let simple: SimpleComparison?

  init(_ left: Expr, _ ops: [CompareOp], _ comparators: [Expr]) {
    self.left = left
    self.ops = ops
    self.comparators = comparators
    if ops.count == 1, let name = left as? NameExpr, let literal = integerLiteral(comparators[0]) {
      simple = SimpleComparison(name: Unmanaged.passUnretained(name), op: ops[0], literal: literal)
    } else {
      simple = nil
    }
    super.init(left.pos.through(comparators[comparators.count - 1].pos))
    depth = max(left.depth, comparators.map(\.depth).max() ?? 0) + 1
  }

  override func eval(_ f: Frame) throws -> Value {
    if let truth = simple?.truth(f) { return .bool(truth) }
    var a = try left.eval(f)
    for index in 0..<ops.count {
      let b = try Unmanaged.passUnretained(comparators[index])._withUnsafeGuaranteedRef {
        try $0.eval(f)
      }
      let result: Value
      if case .int(let x) = a, case .int(let y) = b {
        switch ops[index] {
        case .less: result = .bool(x < y)
        case .lessEqual: result = .bool(x <= y)
        case .greater: result = .bool(x > y)
        case .greaterEqual: result = .bool(x >= y)
        case .equal: result = .bool(x == y)
        case .notEqual: result = .bool(x != y)
        default:
          do { result = try compareValues(ops[index], a, b) } catch {
            throw f.located(error, pos)
          }
        }
      } else {
        do { result = try compareValues(ops[index], a, b) } catch { throw f.located(error, pos) }
      }
      if index == ops.count - 1 { return result }
      do {
        if !(try result.isTruthy()) { return result }
      } catch {
        throw f.located(error, pos)
      }
      a = b
    }
    return .bool(true)
  }
}

final class IfExpr: Expr {
  let test: Expr
  let body: Expr
  let orElse: Expr
  init(_ test: Expr, _ body: Expr, _ orElse: Expr) {
    self.test = test
    self.body = body
    self.orElse = orElse
    super.init(body.pos.through(orElse.pos))
    depth = max(test.depth, body.depth, orElse.depth) + 1
  }
  override func eval(_ f: Frame) throws -> Value {
    let condition = try test.eval(f)
    let truth: Bool
    do { truth = try condition.isTruthy() } catch { throw f.located(error, test.pos) }
    return truth ? try body.eval(f) : try orElse.eval(f)
  }
}

final class AttributeExpr: Expr {
  let value: Expr
  let name: String
  init(_ value: Expr, _ name: String, _ pos: Pos) {
    self.value = value
    self.name = name
    super.init(pos)
    depth = value.depth + 1
  }
  override var assignmentProblem: String? { nil }

  override func eval(_ f: Frame) throws -> Value {
    let object = try value.eval(f)
    do {
      return try getAttribute(object, name)
    } catch {
      throw f.located(error, pos)
    }
  }

  override func assign(_ newValue: Value, _ f: Frame) throws {
    let object = try value.eval(f)
    do {
      try setAttribute(object, name, newValue)
    } catch {
      throw f.located(error, pos)
    }
  }

  override func delete(_ f: Frame) throws {
    throw f.located(
      PyError(.attributeError, "attributes of mlscript objects cannot be deleted"), pos)
  }
}

final class SubscriptExpr: Expr {
  let value: Expr
  let index: Expr
  init(_ value: Expr, _ index: Expr, _ pos: Pos) {
    self.value = value
    self.index = index
    super.init(pos)
    depth = max(value.depth, index.depth) + 1
  }
  override var assignmentProblem: String? { nil }

  private var focus: Pos {
    Pos(
      line: value.pos.endLine, column: value.pos.endColumn, endLine: pos.endLine,
      endColumn: pos.endColumn)
  }

  override func eval(_ f: Frame) throws -> Value {
    let container = try value.eval(f)
    let key = try index.eval(f)
    if case .object(let object) = container, let list = object as? PyList,
      case .int(let i) = key, i >= 0, i < list.items.count
    {
      return list.items[i]
    }
    do {
      return try getItem(container, key)
    } catch {
      throw f.located(error, pos, focus: focus)
    }
  }

  override func assign(_ newValue: Value, _ f: Frame) throws {
    let container = try value.eval(f)
    let key = try index.eval(f)
    do {
      try setItem(container, key, newValue)
    } catch {
      throw f.located(error, pos, focus: focus)
    }
  }

  override func delete(_ f: Frame) throws {
    let container = try value.eval(f)
    let key = try index.eval(f)
    do {
      try deleteItem(container, key)
    } catch {
      throw f.located(error, pos, focus: focus)
    }
  }
}

final class SliceExpr: Expr {
  let lower: Expr?
  let upper: Expr?
  let step: Expr?
  init(_ lower: Expr?, _ upper: Expr?, _ step: Expr?, _ pos: Pos) {
    self.lower = lower
    self.upper = upper
    self.step = step
    super.init(pos)
  }
  override func eval(_ f: Frame) throws -> Value {
    .object(
      PySlice(
        start: try lower?.eval(f) ?? .none, stop: try upper?.eval(f) ?? .none,
        step: try step?.eval(f) ?? .none))
  }
}

final class StarredExpr: Expr {
  let value: Expr
  init(_ value: Expr, _ pos: Pos) {
    self.value = value
    super.init(pos)
    depth = value.depth + 1
  }
  override var assignmentProblem: String? { value.assignmentProblem }
  override func eval(_ f: Frame) throws -> Value {
    throw f.located(PyError(.syntaxError, "can't use starred expression here"), pos)
  }
  override func assign(_ newValue: Value, _ f: Frame) throws {
    try value.assign(newValue, f)
  }
}

/// Evaluates a list of element expressions, spreading `*starred` ones.
func evaluateElements(_ elements: [Expr], _ f: Frame) throws -> [Value] {
  var result: [Value] = []
  result.reserveCapacity(elements.count)
  for element in elements {
    if let starred = element as? StarredExpr {
      let value = try starred.value.eval(f)
      do {
        try forEach(value) { result.append($0) }
      } catch {
        throw f.located(error, starred.pos)
      }
    } else {
      result.append(try element.eval(f))
    }
  }
  return result
}

/// Unpacks `value` into target expressions, one of which may be starred.
func unpack(_ value: Value, into targets: [Expr], _ f: Frame, pos: Pos) throws {
  var items: [Value]
  if case .object(let object) = value, let tuple = object as? PyTuple {
    items = tuple.items
  } else if case .object(let object) = value, let list = object as? PyList {
    items = list.items
  } else {
    items = []
    // Reading one item past the targets is enough to tell "too many"
    // without materialising a huge iterable.
    let starred = targets.contains { $0 is StarredExpr }
    if !starred, case .object(let range as PyRange) = value,
      try range.length() > targets.count
    {
      throw f.located(
        PyError.valueError("too many values to unpack (expected \(targets.count))"), pos)
    }
    if starred, case .object(let range as PyRange) = value {
      try Limits.checkItems(try range.length())
    }
    do {
      try forEach(value) { items.append($0) }
    } catch let error as PyError where error.type === ExceptionType.typeError {
      throw f.located(
        PyError.typeError("cannot unpack non-iterable \(value.typeName) object"), pos)
    }
  }
  if let star = targets.firstIndex(where: { $0 is StarredExpr }) {
    let after = targets.count - star - 1
    guard items.count >= targets.count - 1 else {
      throw f.located(
        PyError.valueError(
          "not enough values to unpack (expected at least \(targets.count - 1), got "
            + "\(items.count))"), pos)
    }
    for index in 0..<star { try targets[index].assign(items[index], f) }
    try targets[star].assign(.list(Array(items[star..<(items.count - after)])), f)
    for index in 0..<after {
      try targets[star + 1 + index].assign(items[items.count - after + index], f)
    }
    return
  }
  guard items.count == targets.count else {
    let message =
      items.count > targets.count
      ? "too many values to unpack (expected \(targets.count))"
      : "not enough values to unpack (expected \(targets.count), got \(items.count))"
    throw f.located(PyError.valueError(message), pos)
  }
  for (target, item) in zip(targets, items) { try target.assign(item, f) }
}

final class TupleExpr: Expr {
  let elements: [Expr]
  init(_ elements: [Expr], _ pos: Pos) {
    self.elements = elements
    super.init(pos)
    depth = (elements.map(\.depth).max() ?? 0) + 1
  }
  override var assignmentProblem: String? {
    elements.lazy.compactMap(\.assignmentProblem).first
  }
  override func eval(_ f: Frame) throws -> Value {
    if elements.count == 2, !(elements[0] is StarredExpr), !(elements[1] is StarredExpr) {
      return .tuple([try elements[0].eval(f), try elements[1].eval(f)])
    }
    return .tuple(try evaluateElements(elements, f))
  }
  override func assign(_ value: Value, _ f: Frame) throws {
    try unpack(value, into: elements, f, pos: pos)
  }
  override func delete(_ f: Frame) throws {
    for element in elements { try element.delete(f) }
  }
}

final class ListExpr: Expr {
  let elements: [Expr]
  init(_ elements: [Expr], _ pos: Pos) {
    self.elements = elements
    super.init(pos)
    depth = (elements.map(\.depth).max() ?? 0) + 1
  }
  override var assignmentProblem: String? {
    elements.lazy.compactMap(\.assignmentProblem).first
  }
  override func eval(_ f: Frame) throws -> Value {
    .list(try evaluateElements(elements, f))
  }
  override func assign(_ value: Value, _ f: Frame) throws {
    try unpack(value, into: elements, f, pos: pos)
  }
}

final class SetExpr: Expr {
  let elements: [Expr]
  init(_ elements: [Expr], _ pos: Pos) {
    self.elements = elements
    super.init(pos)
    depth = (elements.map(\.depth).max() ?? 0) + 1
  }
  override func eval(_ f: Frame) throws -> Value {
    let set = PySet()
    do {
      let items = try evaluateElements(elements, f)
      if elements.count > 2 && elements.allSatisfy(isConstantLiteral) {
        // CPython compiles a display of three or more constants to a
        // frozenset constant, rebuilt once from its own order when the
        // compiler merges constants, then copied into a new set; each step
        // can change the layout, and so the iteration order.
        let folded = try PySet(items)
        try set.merge(try PySet(folded.items))
      } else {
        for item in items { try set.add(item) }
      }
    } catch {
      throw f.located(error, pos)
    }
    return .object(set)
  }
}

/// Whether CPython's compiler folds `expr` into a constant: a literal, or
/// a tuple of them.
private func isConstantLiteral(_ expr: Expr) -> Bool {
  if expr is ConstantExpr { return true }
  if let tuple = expr as? TupleExpr { return tuple.elements.allSatisfy(isConstantLiteral) }
  return false
}

final class DictExpr: Expr {
  /// Key-value pairs; a nil key spreads a mapping (`**other`).
  let entries: [(key: Expr?, value: Expr)]
  init(_ entries: [(key: Expr?, value: Expr)], _ pos: Pos) {
    self.entries = entries
    super.init(pos)
    depth = (entries.map { max($0.key?.depth ?? 0, $0.value.depth) }.max() ?? 0) + 1
  }
  override func eval(_ f: Frame) throws -> Value {
    let dict = PyDict()
    for entry in entries {
      if let keyExpr = entry.key {
        let key = try keyExpr.eval(f)
        let value = try entry.value.eval(f)
        do { try dict.set(key, value) } catch { throw f.located(error, keyExpr.pos) }
      } else {
        let other = try entry.value.eval(f)
        do {
          for (key, value) in try mappingPairs(other) { try dict.set(key, value) }
        } catch {
          throw f.located(error, entry.value.pos)
        }
      }
    }
    return .object(dict)
  }
}

/// One `for ... in ... if ...` clause of a comprehension.
struct ComprehensionClause {
  var target: Expr
  var iterable: Expr
  var conditions: [Expr]
}

final class ComprehensionExpr: Expr {
  enum Kind { case list, set, dict, generator }
  let kind: Kind
  let element: Expr
  let valueElement: Expr?
  let clauses: [ComprehensionClause]
  var code: FunctionCode?

  init(
    _ kind: Kind, element: Expr, value: Expr?, clauses: [ComprehensionClause], _ pos: Pos
  ) {
    self.kind = kind
    self.element = element
    self.valueElement = value
    self.clauses = clauses
    super.init(pos)
    depth = max(element.depth, value?.depth ?? 0) + 1
  }

  override func eval(_ f: Frame) throws -> Value {
    guard let code else { throw PyError(.runtimeError, "comprehension not resolved") }
    let first = try clauses[0].iterable.eval(f)
    var cells: [Cell] = []
    if code.ownCellCount + code.freeSources.count > 0 {
      for _ in 0..<code.ownCellCount { cells.append(Cell()) }
      for source in code.freeSources { cells.append(f.cells[source]) }
    }
    let inner = Frame(code: code, interpreter: f.interpreter, cells: cells)
    var items: [Value] = []
    let dict = kind == .dict ? PyDict() : nil
    let set = kind == .set ? PySet() : nil
    do {
      try f.interpreter.enterCall()
      defer { f.interpreter.leaveCall() }
      try run(level: 0, first: first, inner) {
        if let dict, let valueElement {
          let key = try element.eval(inner)
          let value = try valueElement.eval(inner)
          do { try dict.set(key, value) } catch { throw inner.located(error, element.pos) }
        } else if let set {
          let value = try element.eval(inner)
          do { try set.add(value) } catch { throw inner.located(error, element.pos) }
        } else {
          items.append(try element.eval(inner))
        }
      }
    } catch {
      throw f.located(inner.unwind(error), pos)
    }
    switch kind {
    case .list: return .list(items)
    case .generator:
      // TODO: generator expressions run to the end at once instead of lazily;
      // lessons only consume them whole (sum, max, list, join).
      return .object(PyGenerator(items))
    case .dict: return .object(dict ?? PyDict())
    case .set: return .object(set ?? PySet())
    }
  }

  private func run(
    level: Int, first: Value, _ inner: Frame, _ body: () throws -> Void
  ) throws {
    let clause = clauses[level]
    let iterable = level == 0 ? first : try clause.iterable.eval(inner)
    do {
      try forEach(iterable) { item in
        try checkInterruption()
        try clause.target.assign(item, inner)
        for condition in clause.conditions {
          let value = try condition.eval(inner)
          if !(try value.isTruthy()) { return }
        }
        if level + 1 == clauses.count {
          try body()
        } else {
          try run(level: level + 1, first: first, inner, body)
        }
      }
    } catch {
      throw inner.located(error, clause.iterable.pos)
    }
  }
}

/// One argument of a call as written.
struct CallArgument {
  enum Kind { case positional, star, keyword, doubleStar }
  var kind: Kind
  var name: String?
  var value: Expr
}

final class CallExpr: Expr {
  let function: Expr
  let arguments: [CallArgument]
  /// The argument expressions when every argument is plain positional.
  let plainArguments: [Expr]
  let isPlain: Bool

  /// The callee when it is a name and every argument is plain positional;
  /// `function` keeps it alive.
  private let plainCallee: Unmanaged<NameExpr>?

  init(_ function: Expr, _ arguments: [CallArgument], _ pos: Pos) {
    self.function = function
    self.arguments = arguments
    isPlain = arguments.allSatisfy { $0.kind == .positional }
    plainArguments = isPlain ? arguments.map(\.value) : []
    plainCallee =
      isPlain ? (function as? NameExpr).map { Unmanaged.passUnretained($0) } : nil
    super.init(pos)
    depth = max(function.depth, arguments.map(\.value.depth).max() ?? 0) + 1
  }

  override func eval(_ f: Frame) throws -> Value {
    // A global function called by name is borrowed from its box: no
    // reference counting on the way in or out.
    if let name = plainCallee,
      let target = name._withUnsafeGuaranteedRef({ $0.globalFunction }),
      target._withUnsafeGuaranteedRef({
        $0.code.acceptsPlainPositional(plainArguments.count)
      })
    {
      return try callBorrowed(target, f)
    }
    let callee = try function.eval(f)
    // PyFunction is final, so comparing the class is the cheap cast.
    if isPlain, case .object(let object) = callee,
      ObjectIdentifier(type(of: object)) == ObjectIdentifier(PyFunction.self)
    {
      let target = unsafeDowncast(object, to: PyFunction.self)
      if target.code.acceptsPlainPositional(plainArguments.count) {
        return try callPlain(target, f)
      }
    }
    return try callGeneral(callee, f)
  }

  /// Binds plain positional arguments straight into the callee's slots.
  @inline(never)
  private func callPlain(_ target: PyFunction, _ f: Frame) throws -> Value {
    // The callee value keeps the function, and so its code, alive.
    try Unmanaged.passUnretained(target.code)._withUnsafeGuaranteedRef { code in
      let cells =
        code.ownCellCount + code.freeSources.count == 0
        ? [] : f.interpreter.makeCells(target)
      return try code.borrowFrame(f.interpreter, cells: cells)._withUnsafeGuaranteedRef {
        frame in
        defer { code.recycle(frame) }
        let count = plainArguments.count
        for index in 0..<count {
          // The call owns its argument expressions: borrow, do not count.
          frame.slots[index] = try Unmanaged.passUnretained(plainArguments[index])
            ._withUnsafeGuaranteedRef { try $0.eval(f) }
        }
        if count < code.parameters.count {
          let firstDefault = code.parameters.count - target.defaults.count
          for index in count..<code.parameters.count {
            frame.slots[index] = target.defaults[index - firstDefault]
          }
        }
        do {
          return try f.interpreter.execute(target, frame)
        } catch {
          throw f.located(error, pos)
        }
      }
    }
  }

  /// Calls a borrowed function with plain positional arguments, bound
  /// straight into the slots of a pooled frame.
  @inline(__always)
  private func callBorrowed(_ target: Unmanaged<PyFunction>, _ f: Frame) throws -> Value {
    try target._withUnsafeGuaranteedRef { function in
      try Unmanaged.passUnretained(function.code)._withUnsafeGuaranteedRef { code in
        // The frame's interpreter outlives the call: borrow it as well.
        let reference = f.interpreterReference
        return try code.borrowFrame(reference)._withUnsafeGuaranteedRef { frame in
          try reference._withUnsafeGuaranteedRef { interpreter in
            let result: Value
            do {
              let count = plainArguments.count
              for index in 0..<count {
                // A recycled slot holds nil, which needs no release.
                (frame.slots + index).initialize(
                  to: try Unmanaged.passUnretained(plainArguments[index])
                    ._withUnsafeGuaranteedRef { try $0.eval(f) })
              }
              if count < code.parameterCount {
                let firstDefault = code.parameterCount - function.defaults.count
                for index in count..<code.parameterCount {
                  frame.slots[index] = function.defaults[index - firstDefault]
                }
              }
              if code.needsCells { frame.cells = interpreter.makeCells(function) }
              do {
                result = try interpreter.execute(code: code, frame)
              } catch {
                throw f.located(error, pos)
              }
            } catch {
              code.recycle(frame)
              throw error
            }
            code.recycle(frame)
            return result
          }
        }
      }
    }
  }

  /// Any other call: builds the arguments, then calls the value.
  @inline(never)
  private func callGeneral(_ callee: Value, _ f: Frame) throws -> Value {
    var call = Arguments()
    for argument in arguments {
      switch argument.kind {
      case .positional:
        call.positional.append(try argument.value.eval(f))
      case .star:
        let value = try argument.value.eval(f)
        do {
          try forEach(value) { call.positional.append($0) }
        } catch {
          throw f.located(
            PyError.typeError(
              "\(calleeName(callee)) argument after * must be an iterable, not "
                + value.typeName), argument.value.pos)
        }
      case .keyword:
        call.keywords.append((argument.name ?? "", try argument.value.eval(f)))
      case .doubleStar:
        let value = try argument.value.eval(f)
        do {
          for (key, item) in try mappingPairs(value) {
            guard case .string(let name) = key else {
              throw PyError.typeError("keywords must be strings")
            }
            if call.keywords.contains(where: { $0.name == name }) {
              throw PyError.typeError(
                "\(calleeName(callee)) got multiple values for keyword argument '\(name)'")
            }
            call.keywords.append((name, item))
          }
        } catch {
          throw f.located(error, argument.value.pos)
        }
      }
    }
    do {
      return try callValue(callee, call)
    } catch {
      throw f.located(error, pos)
    }
  }
}

/// The name Python uses for a callable in argument errors: `f()`.
func calleeName(_ callee: Value) -> String {
  switch callee {
  case .object(let object as PyFunction): return "\(object.name)()"
  case .object(let object as BuiltinFunction): return "\(object.name)()"
  default: return "\(callee.typeName)()"
  }
}

final class FunctionExpr: Expr {
  let code: FunctionCode
  let defaults: [Expr]
  let keywordDefaults: [(String, Expr)]

  init(code: FunctionCode, defaults: [Expr], keywordDefaults: [(String, Expr)], _ pos: Pos) {
    self.code = code
    self.defaults = defaults
    self.keywordDefaults = keywordDefaults
    super.init(pos)
  }

  override func eval(_ f: Frame) throws -> Value {
    var values: [Value] = []
    for expression in defaults { values.append(try expression.eval(f)) }
    var keywordValues: [String: Value] = [:]
    for (name, expression) in keywordDefaults { keywordValues[name] = try expression.eval(f) }
    let closure = code.freeSources.map { f.cells[$0] }
    return .object(
      PyFunction(
        code: code, defaults: values, keywordDefaults: keywordValues, closure: closure,
        interpreter: f.interpreter))
  }
}

final class FStringExpr: Expr {
  enum Piece {
    case text(String)
    case field(Expr, conversion: Character?, spec: [Piece], prefix: String)
  }
  let pieces: [Piece]
  init(_ pieces: [Piece], _ pos: Pos) {
    self.pieces = pieces
    super.init(pos)
  }

  override func eval(_ f: Frame) throws -> Value {
    .string(try render(pieces, f))
  }

  private func render(_ pieces: [Piece], _ f: Frame) throws -> String {
    var result = ""
    for piece in pieces {
      switch piece {
      case .text(let text): result += text
      case .field(let expression, let conversion, let spec, let prefix):
        let value = try expression.eval(f)
        do {
          result += prefix
          let specText = try render(spec, f)
          switch conversion {
          case "r": result += try formatValue(.string(try value.repr()), specText)
          case "s": result += try formatValue(.string(try value.str()), specText)
          case "a": result += try formatValue(.string(try value.repr()), specText)
          default:
            if conversion == nil && !prefix.isEmpty && specText.isEmpty {
              result += try value.repr()
            } else {
              result += try formatValue(value, specText)
            }
          }
        } catch {
          // CPython blames a failed conversion or format on the whole
          // f-string; errors inside the expressions carry their own place.
          throw f.located(error, pos)
        }
      }
    }
    return result
  }
}

/// `%time` of an expression: prints the timing, then yields the value.
final class TimedExpr: Expr {
  let inner: Expr
  init(_ inner: Expr, _ pos: Pos) {
    self.inner = inner
    super.init(pos)
  }
  override func eval(_ f: Frame) throws -> Value {
    var result = Value.none
    try timeOnce { result = try inner.eval(f) }
    return result
  }
}

/// `x + y` or `x - y` when `op` is one of them and the result fits; nil
/// sends the operation down the general path (overflow, other operators).
@inline(__always)
func smallIntSumOrDifference(_ op: BinaryOperator, _ x: Int, _ y: Int) -> Value? {
  switch op {
  case .add:
    let (sum, overflow) = x.addingReportingOverflow(y)
    return overflow ? nil : .int(sum)
  case .subtract:
    let (difference, overflow) = x.subtractingReportingOverflow(y)
    return overflow ? nil : .int(difference)
  default:
    return nil
  }
}
