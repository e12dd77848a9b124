import Support

/// A statement of the syntax tree.
class Stmt {
  let pos: Pos
  init(_ pos: Pos) { self.pos = pos }

  func exec(_ f: Frame) throws -> Flow { .normal }
}

final class ExprStmt: Stmt {
  let value: Expr
  /// Whether the line ends with `;`, which hides the value in a cell.
  var silent = false
  init(_ value: Expr, _ pos: Pos) {
    self.value = value
    super.init(pos)
  }
  override func exec(_ f: Frame) throws -> Flow {
    _ = try value.eval(f)
    return .normal
  }
}

final class AssignStmt: Stmt {
  let targets: [Expr]
  let value: Expr
  init(_ targets: [Expr], _ value: Expr, _ pos: Pos) {
    self.targets = targets
    self.value = value
    super.init(pos)
  }
  override func exec(_ f: Frame) throws -> Flow {
    let result = try value.eval(f)
    for target in targets { try target.assign(result, f) }
    return .normal
  }
}

final class AugAssignStmt: Stmt {
  let target: Expr
  let op: BinaryOperator
  let value: Expr
  let opPos: Pos
  /// The target when it is a name; `target` keeps it alive.
  private let targetName: Unmanaged<NameExpr>?

  init(_ target: Expr, _ op: BinaryOperator, _ value: Expr, opPos: Pos, _ pos: Pos) {
    self.target = target
    self.op = op
    self.value = value
    self.opPos = opPos
    targetName = (target as? NameExpr).map { Unmanaged.passUnretained($0) }
    super.init(pos)
  }

  private func combine(_ a: Value, _ b: Value, _ f: Frame) throws -> Value {
    if case .int(let x) = a, case .int(let y) = b {
      if let result = smallIntSumOrDifference(op, x, y) { return result }
    } else if case .float(let x) = a, case .float(let y) = b, op == .add {
      return .float(x + y)
    }
    do {
      if case .object(let object) = a, let result = try object.inPlaceOperation(op, b) {
        return result
      }
      return try binaryOperation(op, a, b)
    } catch {
      throw f.located(error, pos, focus: opPos)
    }
  }

  override func exec(_ f: Frame) throws -> Flow {
    if let targetName {
      try targetName._withUnsafeGuaranteedRef { name in
        let current = try name.eval(f)
        let result = try combine(current, try value.eval(f), f)
        try name.assign(result, f)
      }
    } else if let attribute = target as? AttributeExpr {
      let object = try attribute.value.eval(f)
      let current: Value
      do { current = try getAttribute(object, attribute.name) } catch {
        throw f.located(error, attribute.pos)
      }
      let result = try combine(current, try value.eval(f), f)
      do { try setAttribute(object, attribute.name, result) } catch {
        throw f.located(error, attribute.pos)
      }
    } else if let subscriptTarget = target as? SubscriptExpr {
      let container = try subscriptTarget.value.eval(f)
      let key = try subscriptTarget.index.eval(f)
      let current: Value
      do { current = try getItem(container, key) } catch {
        throw f.located(error, subscriptTarget.pos)
      }
      let result = try combine(current, try value.eval(f), f)
      do { try setItem(container, key, result) } catch {
        throw f.located(error, subscriptTarget.pos)
      }
    }
    return .normal
  }
}

final class IfStmt: Stmt {
  let test: Expr
  let body: [Stmt]
  /// The `elif` branches, kept apart so the common `if` needs no tuple
  /// array walk.
  let elifs: [(test: Expr, body: [Stmt])]
  let orElse: [Stmt]
  /// The test when it compares a name with an integer literal.
  private let simpleTest: SimpleComparison?

  init(_ branches: [(test: Expr, body: [Stmt])], orElse: [Stmt], _ pos: Pos) {
    test = branches[0].test
    simpleTest = (test as? CompareExpr)?.simple
    body = branches[0].body
    elifs = Array(branches.dropFirst())
    self.orElse = orElse
    super.init(pos)
  }
  override func exec(_ f: Frame) throws -> Flow {
    if let truth = simpleTest?.truth(f) {
      if truth { return try execBlock(body, f) }
    } else if try holds(test, f) {
      return try execBlock(body, f)
    }
    if !elifs.isEmpty {
      for branch in elifs where try holds(branch.test, f) {
        return try execBlock(branch.body, f)
      }
    }
    if orElse.isEmpty { return .normal }
    return try execBlock(orElse, f)
  }

  @inline(__always)
  private func holds(_ test: Expr, _ f: Frame) throws -> Bool {
    let condition = try test.eval(f)
    if case .bool(let flag) = condition { return flag }
    do { return try condition.isTruthy() } catch { throw f.located(error, test.pos) }
  }
}

final class WhileStmt: Stmt {
  let test: Expr
  let body: [Stmt]
  let orElse: [Stmt]
  init(_ test: Expr, _ body: [Stmt], orElse: [Stmt], _ pos: Pos) {
    self.test = test
    self.body = body
    self.orElse = orElse
    super.init(pos)
  }
  override func exec(_ f: Frame) throws -> Flow {
    while true {
      try checkInterruption()
      let condition = try test.eval(f)
      let truth: Bool
      if case .bool(let flag) = condition {
        truth = flag
      } else {
        do { truth = try condition.isTruthy() } catch { throw f.located(error, test.pos) }
      }
      if !truth { break }
      switch try execBlock(body, f) {
      case .breakLoop: return .normal
      case .returned: return .returned
      default: continue
      }
    }
    return try execBlock(orElse, f)
  }
}

final class ForStmt: Stmt {
  let target: Expr
  let iterable: Expr
  let body: [Stmt]
  let orElse: [Stmt]
  /// The `for ... in ...:` line, where CPython places errors of the
  /// iteration itself.
  var header: Pos {
    Pos(line: pos.line, column: pos.column, endLine: pos.endLine, endColumn: pos.endColumn + 1)
  }

  init(_ target: Expr, _ iterable: Expr, _ body: [Stmt], orElse: [Stmt], _ pos: Pos) {
    self.target = target
    self.iterable = iterable
    self.body = body
    self.orElse = orElse
    super.init(pos)
  }

  override func exec(_ f: Frame) throws -> Flow {
    let sequence = try iterable.eval(f)
    if case .object(let object) = sequence, let range = object as? PyRange {
      var current = range.start
      while range.step > 0 ? current < range.stop : current > range.stop {
        try checkInterruption()
        try target.assign(.int(current), f)
        switch try execBlock(body, f) {
        case .breakLoop: return .normal
        case .returned: return .returned
        default: break
        }
        let (next, overflow) = current.addingReportingOverflow(range.step)
        if overflow { break }
        current = next
      }
      return try execBlock(orElse, f)
    }
    let iterator: PyIterator
    do { iterator = try makeIterator(sequence) } catch { throw f.located(error, header) }
    while true {
      try checkInterruption()
      let item: Value?
      do { item = try iterator.next() } catch { throw f.located(error, iterable.pos) }
      guard let item else { break }
      try target.assign(item, f)
      switch try execBlock(body, f) {
      case .breakLoop: return .normal
      case .returned: return .returned
      default: break
      }
    }
    return try execBlock(orElse, f)
  }
}

final class BreakStmt: Stmt {
  override func exec(_ f: Frame) throws -> Flow { .breakLoop }
}

final class ContinueStmt: Stmt {
  override func exec(_ f: Frame) throws -> Flow { .continueLoop }
}

final class PassStmt: Stmt {}

final class ReturnStmt: Stmt {
  let value: Expr?
  init(_ value: Expr?, _ pos: Pos) {
    self.value = value
    super.init(pos)
  }
  override func exec(_ f: Frame) throws -> Flow {
    f.returnValue = try value?.eval(f) ?? .none
    return .returned
  }
}

final class DefStmt: Stmt {
  let target: NameExpr
  let function: FunctionExpr
  let decorators: [Expr]
  init(_ target: NameExpr, _ function: FunctionExpr, decorators: [Expr], _ pos: Pos) {
    self.target = target
    self.function = function
    self.decorators = decorators
    super.init(pos)
  }
  override func exec(_ f: Frame) throws -> Flow {
    let decoratorValues = try decorators.map { try $0.eval(f) }
    var result = try function.eval(f)
    for (decorator, expression) in zip(decoratorValues, decorators).reversed() {
      do { result = try callValue(decorator, Arguments([result])) } catch {
        throw f.located(error, expression.pos)
      }
    }
    try target.assign(result, f)
    return .normal
  }
}

final class DeleteStmt: Stmt {
  let targets: [Expr]
  init(_ targets: [Expr], _ pos: Pos) {
    self.targets = targets
    super.init(pos)
  }
  override func exec(_ f: Frame) throws -> Flow {
    for target in targets { try target.delete(f) }
    return .normal
  }
}

final class ScopeStmt: Stmt {
  let names: [String]
  let isGlobal: Bool
  init(_ names: [String], isGlobal: Bool, _ pos: Pos) {
    self.names = names
    self.isGlobal = isGlobal
    super.init(pos)
  }
}

final class AssertStmt: Stmt {
  let test: Expr
  let message: Expr?
  init(_ test: Expr, _ message: Expr?, _ pos: Pos) {
    self.test = test
    self.message = message
    super.init(pos)
  }
  override func exec(_ f: Frame) throws -> Flow {
    let value = try test.eval(f)
    if try value.isTruthy() { return .normal }
    if let message {
      let text = try message.eval(f)
      let error = PyError(
        .assertionError, try text.str(),
        object: .object(ExceptionObject(type: .assertionError, arguments: [text])))
      throw f.located(error, test.pos)
    }
    throw f.located(PyError(.assertionError, ""), test.pos)
  }
}

final class RaiseStmt: Stmt {
  let exception: Expr?
  let cause: Expr?
  init(_ exception: Expr?, cause: Expr?, _ pos: Pos) {
    self.exception = exception
    self.cause = cause
    super.init(pos)
  }
  override func exec(_ f: Frame) throws -> Flow {
    guard let exception else {
      guard let current = f.interpreter.handledErrors.last else {
        throw PyError(.runtimeError, "No active exception to reraise")
      }
      throw current
    }
    let value = try exception.eval(f)
    _ = try cause?.eval(f)
    throw try errorToRaise(value)
  }
}

/// The error `raise value` raises.
func errorToRaise(_ value: Value) throws -> PyError {
  var value = value
  if case .object(let object) = value, let type = object as? ExceptionType {
    value = try type.call(Arguments())
  }
  guard case .object(let object) = value, let instance = object as? ExceptionObject else {
    return PyError.typeError("exceptions must derive from BaseException")
  }
  return PyError(instance.exceptionType, instance.message, object: value)
}

/// One `except` clause.
struct ExceptHandler {
  var type: Expr?
  var name: NameExpr?
  var body: [Stmt]
}

final class TryStmt: Stmt {
  let body: [Stmt]
  let handlers: [ExceptHandler]
  let orElse: [Stmt]
  let finally: [Stmt]
  init(
    _ body: [Stmt], handlers: [ExceptHandler], orElse: [Stmt], finally: [Stmt], _ pos: Pos
  ) {
    self.body = body
    self.handlers = handlers
    self.orElse = orElse
    self.finally = finally
    super.init(pos)
  }

  override func exec(_ f: Frame) throws -> Flow {
    var flow: Flow
    do {
      flow = try runHandled(f)
    } catch {
      if !finally.isEmpty {
        let savedReturn = f.returnValue
        let finalFlow = try execBlock(finally, f)
        if finalFlow != .normal { return finalFlow }
        f.returnValue = savedReturn
      }
      throw error
    }
    if !finally.isEmpty {
      let savedReturn = f.returnValue
      let finalFlow = try execBlock(finally, f)
      if finalFlow != .normal { return finalFlow }
      f.returnValue = savedReturn
    }
    return flow
  }

  private func runHandled(_ f: Frame) throws -> Flow {
    let flow: Flow
    do {
      flow = try execBlock(body, f)
    } catch {
      let caught = f.located(error, pos)
      guard !handlers.isEmpty else { throw caught }
      for handler in handlers {
        if let typeExpr = handler.type {
          let typeValue = try typeExpr.eval(f)
          guard try exceptionMatches(caught.type, typeValue) else { continue }
        }
        if let name = handler.name {
          try name.assign(caught.object ?? exceptionObject(for: caught), f)
        }
        f.interpreter.handledErrors.append(caught)
        defer { f.interpreter.handledErrors.removeLast() }
        let result = try execBlock(handler.body, f)
        if let name = handler.name { try? name.delete(f) }
        return result
      }
      throw caught
    }
    if flow != .normal { return flow }
    return try execBlock(orElse, f)
  }
}

/// The object `except E as e` binds for an error raised by native code.
func exceptionObject(for error: PyError) -> Value {
  .object(ExceptionObject(type: error.type, arguments: [.string(error.message)]))
}

/// Whether an `except` clause naming `typeValue` catches `type`.
func exceptionMatches(_ type: ExceptionType, _ typeValue: Value) throws -> Bool {
  switch typeValue {
  case .object(let object as ExceptionType): return type.isSubclass(of: object)
  case .object(let object as PyTuple):
    for item in object.items where try exceptionMatches(type, item) { return true }
    return false
  default:
    throw PyError.typeError(
      "catching classes that do not inherit from BaseException is not allowed")
  }
}

final class WithStmt: Stmt {
  let items: [(context: Expr, target: Expr?)]
  let body: [Stmt]
  init(_ items: [(context: Expr, target: Expr?)], _ body: [Stmt], _ pos: Pos) {
    self.items = items
    self.body = body
    super.init(pos)
  }

  override func exec(_ f: Frame) throws -> Flow {
    try run(index: 0, f)
  }

  private func run(index: Int, _ f: Frame) throws -> Flow {
    guard index < items.count else { return try execBlock(body, f) }
    let item = items[index]
    let manager = try item.context.eval(f)
    guard case .object(let object) = manager else {
      throw f.located(
        PyError.typeError(
          "'\(manager.typeName)' object does not support the context manager protocol"),
        item.context.pos)
    }
    let entered: Value
    do { entered = try object.enter() } catch { throw f.located(error, item.context.pos) }
    let flow: Flow
    do {
      try item.target?.assign(entered, f)
      flow = try run(index: index + 1, f)
    } catch {
      try? object.exit()
      throw error
    }
    do { try object.exit() } catch { throw f.located(error, item.context.pos) }
    return flow
  }
}

final class ImportStmt: Stmt {
  /// `import a.b as c`: the dotted name and the bound target (`a` or `c`).
  let names: [(module: String, alias: String?, target: NameExpr)]
  init(_ names: [(module: String, alias: String?, target: NameExpr)], _ pos: Pos) {
    self.names = names
    super.init(pos)
  }
  override func exec(_ f: Frame) throws -> Flow {
    for entry in names {
      let module = try f.interpreter.importModule(entry.module)
      if entry.alias != nil {
        try entry.target.assign(.object(module), f)
      } else {
        let top = String(entry.module.split(separator: ".").first ?? "")
        try entry.target.assign(.object(try f.interpreter.importModule(top)), f)
      }
    }
    return .normal
  }
}

final class FromImportStmt: Stmt {
  let module: String
  /// The imported names and their targets; empty for `import *`.
  let names: [(name: String, target: NameExpr)]
  let star: Bool
  init(_ module: String, names: [(name: String, target: NameExpr)], star: Bool, _ pos: Pos) {
    self.module = module
    self.names = names
    self.star = star
    super.init(pos)
  }
  override func exec(_ f: Frame) throws -> Flow {
    let loaded = try f.interpreter.importModule(module)
    if star {
      for name in loaded.attributeNames() where !name.hasPrefix("_") {
        if let value = try loaded.attribute(name) { f.interpreter.setGlobal(name, value) }
      }
      return .normal
    }
    for entry in names {
      if let value = try loaded.attribute(entry.name) {
        try entry.target.assign(value, f)
      } else if let submodule = try? f.interpreter.importModule(module + "." + entry.name) {
        try entry.target.assign(.object(submodule), f)
      } else {
        throw PyError(
          .importError,
          "cannot import name '\(entry.name)' from '\(module)' (unknown location)")
      }
    }
    return .normal
  }
}

/// A Jupyter line: `!cmd`, `%matplotlib inline`, `%timeit expr`.
final class MagicStmt: Stmt {
  enum Kind {
    case shell(String)
    case ignored
    case time([Stmt])
    case timeit(Expr?, [Stmt])
    case unknown(String)
  }
  let kind: Kind
  init(_ kind: Kind, _ pos: Pos) {
    self.kind = kind
    super.init(pos)
  }
  override func exec(_ f: Frame) throws -> Flow {
    switch kind {
    case .shell(let command):
      throw PyError(
        .runtimeError,
        "shell commands are not run by mlscript: !\(command)")
    case .ignored:
      return .normal
    case .unknown(let name):
      // TODO: cell magics (`%%time`) and other line magics are not run.
      throw PyError(.nameError, unknownMagicMessage(name))
    case .time(let body):
      var flow = Flow.normal
      try timeOnce { flow = try execBlock(body, f) }
      return flow
    case .timeit(let expression, let body):
      try timeRepeatedly {
        if let expression {
          _ = try expression.eval(f)
        } else {
          _ = try execBlock(body, f)
        }
      }
      return .normal
    }
  }
}

/// IPython's words for a magic it does not know; for a cell magic, which
/// mlscript never runs, what to write instead.
public func unknownMagicMessage(_ name: String) -> String {
  guard name.hasPrefix("%") else { return "Line magic function `%\(name)` not found." }
  let line = name.dropFirst()
  let instead =
    ["time", "timeit"].contains(line)
    ? "; put `%\(line)` before a single statement instead" : ""
  return "Cell magic `%\(name)` is not supported by mlscript\(instead)."
}
