import Support

/// A variable shared between a function and the functions defined inside
/// it.
final class Cell {
  var value: Value?
  init(_ value: Value? = nil) { self.value = value }
}

/// A top-level name: its value, and the built-in it falls back to, so a
/// global read is one pointer hop after resolution.
final class GlobalBox {
  let name: String
  /// What the name is bound to; `set` changes it.
  private(set) var value: Value?
  var builtin: Value?
  /// The language function the name holds, borrowed from `value`, so a
  /// call through the name counts no references.
  private(set) var function: Unmanaged<PyFunction>?
  /// Functions unbound from the name while they still ran: a borrowed
  /// callee must outlive its call.
  private var retired: [PyFunction] = []

  init(name: String, builtin: Value?) {
    self.name = name
    self.builtin = builtin
  }

  /// Binds the name to `newValue`, or unbinds it when nil.
  @inline(__always)
  func set(_ newValue: Value?) {
    if function != nil {
      retireFunction()
      function = nil
    }
    if case .object(let object)? = newValue,
      ObjectIdentifier(type(of: object)) == ObjectIdentifier(PyFunction.self)
    {
      function = Unmanaged.passUnretained(unsafeDowncast(object, to: PyFunction.self))
    }
    value = newValue
  }

  private func retireFunction() {
    retired.removeAll { !$0.code.isRunning }
    if let old = function?.takeUnretainedValue(), old.code.isRunning { retired.append(old) }
  }
}

/// How a statement finished.
enum Flow {
  case normal, breakLoop, continueLoop, returned
}

/// What a resolved name refers to.
enum Access {
  case unresolved
  case local(Int)
  case cell(Int)
  case global(GlobalBox)
}

/// The compiled form of a function body (a `def`, a `lambda`, a
/// comprehension or the top level): its parameters and variable slots.
final class FunctionCode {
  var name: String
  var parameters: [String] = []
  var keywordOnly: [String] = []
  var variadic: String?
  var keywordVariadic: String?
  var body: [Stmt] = [] {
    didSet {
      statements.deallocate()
      statements = .allocate(capacity: body.count)
      _ = statements.initialize(from: body.map { Unmanaged.passUnretained($0) })
    }
  }
  /// The statements of `body`, which owns them, borrowed for calls.
  private(set) var statements = UnsafeMutableBufferPointer<Unmanaged<Stmt>>.allocate(capacity: 0)
  var expressionBody: Expr? {
    didSet { expression = expressionBody.map { Unmanaged.passUnretained($0) } }
  }
  /// `expressionBody`, which owns it, borrowed for calls.
  private(set) var expression: Unmanaged<Expr>?
  var slotCount = 0
  var localNames: [String] = []
  var parameterCells: [(slot: Int, cell: Int)] = [] {
    didSet { hasParameterCells = !parameterCells.isEmpty }
  }
  private(set) var hasParameterCells = false
  var ownCellCount = 0 {
    didSet { needsCells = ownCellCount + freeSources.count > 0 }
  }
  /// For each free variable, its index in the defining frame's cells.
  var freeSources: [Int] = [] {
    didSet { needsCells = ownCellCount + freeSources.count > 0 }
  }
  /// Whether a call needs cells: own cell variables or a closure.
  private(set) var needsCells = false
  /// Whether calls may bind positional arguments straight into the slots:
  /// no `*args`, `**kwargs` or keyword-only parameters.
  private(set) var takesPlainPositional = false
  /// The number of positional parameters.
  private(set) var parameterCount = 0
  var origin: SourceOrigin
  var sourceLines: [String]
  var pos: Pos
  var doc: String?
  var requiredCount = 0
  /// Frames for calls of this code, reused: calls nest, so the frames
  /// below `activeFrames` are in use and the rest are free, and a call
  /// costs no allocation. The pool owns its frames (one retain each), and
  /// lends them out uncounted.
  private var pool = UnsafeMutablePointer<Unmanaged<Frame>>.allocate(capacity: 1)
  private var poolCount = 0
  private var poolCapacity = 1
  private var activeFrames = 0

  /// A frame for a new call, reused when one is free.
  @inline(__always)
  func makeFrame(_ interpreter: Interpreter, cells: [Cell]) -> Frame {
    borrowFrame(interpreter, cells: cells).takeUnretainedValue()
  }

  /// A frame for a new call, borrowed from the pool, which owns it for as
  /// long as the code lives: using it costs no reference counting.
  @inline(__always)
  func borrowFrame(_ interpreter: Interpreter, cells: [Cell]) -> Unmanaged<Frame> {
    let frame = borrowFrame(interpreter)
    if !cells.isEmpty { frame._withUnsafeGuaranteedRef { $0.cells = cells } }
    return frame
  }

  /// A frame for a new call of code without cells, borrowed from the pool.
  @inline(__always)
  func borrowFrame(_ interpreter: Interpreter) -> Unmanaged<Frame> {
    borrowFrame(Unmanaged.passUnretained(interpreter))
  }

  /// A frame for a new call of code without cells, borrowed from the pool.
  @inline(__always)
  func borrowFrame(_ interpreter: Unmanaged<Interpreter>) -> Unmanaged<Frame> {
    if activeFrames == poolCount {
      interpreter._withUnsafeGuaranteedRef { addFrame($0) }
    }
    let frame = pool[activeFrames]
    activeFrames += 1
    frame._withUnsafeGuaranteedRef { $0.interpreterReference = interpreter }
    return frame
  }

  @inline(never)
  private func addFrame(_ interpreter: Interpreter) {
    if poolCount == poolCapacity {
      let grown = UnsafeMutablePointer<Unmanaged<Frame>>.allocate(capacity: poolCapacity * 2)
      grown.moveInitialize(from: pool, count: poolCount)
      pool.deallocate()
      pool = grown
      poolCapacity *= 2
    }
    let frame = Frame(code: self, interpreter: interpreter, cells: [])
    (pool + poolCount).initialize(to: Unmanaged.passRetained(frame))
    poolCount += 1
  }

  /// Whether a call of this code is under way.
  var isRunning: Bool { activeFrames > 0 }

  /// Records what calls need to know once names are resolved.
  func finishResolution() {
    takesPlainPositional = variadic == nil && keywordVariadic == nil && keywordOnly.isEmpty
    parameterCount = parameters.count
  }

  /// Frees the frame of the innermost finished call, emptied so it holds
  /// on to nothing.
  @inline(__always)
  func recycle(_ frame: Frame) {
    for index in 0..<frame.slotCount { frame.slots[index] = nil }
    if case .none = frame.returnValue {} else { frame.returnValue = .none }
    if !frame.cells.isEmpty { frame.cells = [] }
    activeFrames -= 1
  }

  init(name: String, origin: SourceOrigin, sourceLines: [String], pos: Pos) {
    self.name = name
    self.origin = origin
    self.sourceLines = sourceLines
    self.pos = pos
  }

  deinit {
    statements.deallocate()
    for index in 0..<poolCount { pool[index].release() }
    pool.deallocate()
  }

  /// Whether a call with `count` positional arguments and nothing else
  /// can bind straight into the slots.
  @inline(__always)
  func acceptsPlainPositional(_ count: Int) -> Bool {
    takesPlainPositional && count <= parameterCount && count >= requiredCount
  }

  /// The span of `pos` in this code's text.
  func span(_ pos: Pos) -> SourceSpan {
    SourceSpan(
      origin: origin, line: pos.line + origin.lineOffset, column: pos.column,
      endLine: pos.endLine + origin.lineOffset, endColumn: pos.endColumn)
  }
}

/// The variables of one running function (or of the top level).
final class Frame {
  let slots: UnsafeMutablePointer<Value?>
  let slotCount: Int
  var cells: [Cell]
  let code: FunctionCode
  // A frame never outlives the run that made it, so the reference needs
  // no counting on this hot path.
  var interpreterReference: Unmanaged<Interpreter>
  /// The interpreter running the frame.
  var interpreter: Interpreter {
    get { interpreterReference.takeUnretainedValue() }
    set { interpreterReference = Unmanaged.passUnretained(newValue) }
  }
  var returnValue: Value = .none

  init(code: FunctionCode, interpreter: Interpreter, cells: [Cell]) {
    self.code = code
    interpreterReference = Unmanaged.passUnretained(interpreter)
    self.cells = cells
    slotCount = code.slotCount
    slots = UnsafeMutablePointer<Value?>.allocate(capacity: max(slotCount, 1))
    slots.initialize(repeating: nil, count: slotCount)
  }

  deinit {
    slots.deinitialize(count: slotCount)
    slots.deallocate()
  }

  /// The error as a PyError, remembering `pos` as the failing expression
  /// when no inner expression of this frame was recorded yet.
  func located(_ error: Error, _ pos: Pos, focus: Pos? = nil) -> PyError {
    var converted = pythonError(error)
    if converted.pendingSpan == nil {
      converted.pendingSpan = code.span(pos)
      converted.pendingFocus = focus.map { code.span($0) }
    }
    return converted
  }

  /// The error with this frame added to its traceback, as it leaves the
  /// frame.
  func unwind(_ error: Error) -> PyError {
    var converted = pythonError(error)
    var frame = TraceFrame(
      span: converted.pendingSpan ?? code.span(code.pos), function: code.name)
    frame.focus = converted.pendingFocus
    converted.traceback.insert(frame, at: 0)
    converted.pendingSpan = nil
    converted.pendingFocus = nil
    return converted
  }
}

/// Any thrown error as a Python exception.
func pythonError(_ error: Error) -> PyError {
  if let error = error as? PyError { return error }
  if let convertible = error as? PythonConvertibleError {
    return PyError(
      ExceptionType.named(convertible.pythonExceptionName), convertible.pythonMessage)
  }
  return PyError(.runtimeError, "\(error)")
}

/// Raises KeyboardInterrupt when Ctrl-C was pressed.
@inline(__always)
func checkInterruption() throws {
  if Interruption.isRequested {
    Interruption.clear()
    throw PyError(.keyboardInterrupt, "")
  }
}

/// Runs statements in order, stopping at the first that breaks, continues
/// or returns.
@inline(__always)
func execBlock(_ body: [Stmt], _ frame: Frame) throws -> Flow {
  for index in body.indices {
    try checkInterruption()
    // The body array owns its statements, so borrowing one costs no
    // reference-count update.
    let flow = try Unmanaged.passUnretained(body[index])._withUnsafeGuaranteedRef {
      statement in
      do {
        return try statement.exec(frame)
      } catch {
        throw frame.located(error, statement.pos)
      }
    }
    if flow != .normal { return flow }
  }
  return .normal
}

/// Runs the borrowed statements of a function body in order, as
/// `execBlock` does; Ctrl-C is checked once on entry, since every loop and
/// every call checks it again.
@inline(__always)
func execStatements(
  _ body: UnsafeMutableBufferPointer<Unmanaged<Stmt>>, _ frame: Frame
) throws -> Flow {
  try checkInterruption()
  for index in 0..<body.count {
    let flow = try body[index]._withUnsafeGuaranteedRef { statement in
      do {
        return try statement.exec(frame)
      } catch {
        throw frame.located(error, statement.pos)
      }
    }
    if flow != .normal { return flow }
  }
  return .normal
}

/// A function written in the language.
public final class PyFunction: PyObject {
  let code: FunctionCode
  let defaults: [Value]
  let keywordDefaults: [String: Value]
  let closure: [Cell]
  unowned let interpreter: Interpreter

  init(
    code: FunctionCode, defaults: [Value], keywordDefaults: [String: Value],
    closure: [Cell], interpreter: Interpreter
  ) {
    self.code = code
    self.defaults = defaults
    self.keywordDefaults = keywordDefaults
    self.closure = closure
    self.interpreter = interpreter
  }

  /// The function's name.
  public var name: String { code.name }

  /// The names of the parameters, for completion and help.
  public var parameterNames: [String] { code.parameters + code.keywordOnly }

  public override var type: PyType { Self.pyType }
  static let pyType = PyType("function") { type in
    type.property("__name__") { (f: PyFunction) in .string(f.code.name) }
    type.property("__doc__") { (f: PyFunction) in f.code.doc.map { .string($0) } ?? .none }
  }

  public override func call(_ arguments: Arguments) throws -> Value {
    try interpreter.invoke(self, arguments)
  }

  public override func repr() throws -> String {
    "<function \(code.name) at \(addressText(self))>"
  }

  public override var doc: String? {
    let signature = "\(code.name)(\(signatureText))"
    guard let text = code.doc else { return signature }
    return signature + "\n\n" + text
  }

  /// The parameter list as written, for help.
  var signatureText: String {
    var parts: [String] = []
    let firstDefault = code.parameters.count - defaults.count
    for (index, name) in code.parameters.enumerated() {
      if index >= firstDefault {
        parts.append("\(name)=\((try? defaults[index - firstDefault].repr()) ?? "?")")
      } else {
        parts.append(name)
      }
    }
    if let variadic = code.variadic {
      parts.append("*" + variadic)
    } else if !code.keywordOnly.isEmpty {
      parts.append("*")
    }
    for name in code.keywordOnly {
      if let value = keywordDefaults[name] {
        parts.append("\(name)=\((try? value.repr()) ?? "?")")
      } else {
        parts.append(name)
      }
    }
    if let keywordVariadic = code.keywordVariadic { parts.append("**" + keywordVariadic) }
    return parts.joined(separator: ", ")
  }
}

/// The `0x...` address text Python shows in default reprs.
func addressText(_ object: AnyObject) -> String {
  let bits = UInt(bitPattern: ObjectIdentifier(object).hashValue)
  return "0x" + String(bits, radix: 16)
}
