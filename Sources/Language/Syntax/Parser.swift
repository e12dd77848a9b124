/// Turns tokens into a syntax tree, recording for each scope the names it
/// binds and uses so that the resolver can assign slots.
struct Parser {
  private var tokens: [Token]
  private var index = 0
  private let origin: SourceOrigin
  private let lines: [String]
  private var scopes: [Scope]
  private var nesting = 0
  private var loopDepth = 0
  private var functionDepth = 0

  /// The deepest expression nesting the parser accepts, as in CPython.
  static let maximumNesting = 200
  /// The deepest syntax tree the evaluator is asked to walk.
  static let maximumTreeDepth = 1000

  init(tokens: [Token], origin: SourceOrigin, lines: [String], scopes: [Scope]) {
    self.tokens = tokens
    self.origin = origin
    self.lines = lines
    self.scopes = scopes
  }

  // MARK: tokens

  private var current: Token { tokens[min(index, tokens.count - 1)] }
  private var previous: Token { tokens[max(0, min(index - 1, tokens.count - 1))] }
  private func peek(_ offset: Int) -> Token { tokens[min(index + offset, tokens.count - 1)] }
  private mutating func advance() -> Token {
    let token = current
    if index < tokens.count - 1 { index += 1 }
    return token
  }
  private mutating func accept(_ op: String) -> Bool {
    if current.isOp(op) {
      _ = advance()
      return true
    }
    return false
  }
  private mutating func acceptName(_ name: String) -> Bool {
    if current.isName(name) {
      _ = advance()
      return true
    }
    return false
  }
  private mutating func expect(_ op: String, _ message: String? = nil) throws -> Token {
    guard current.isOp(op) else {
      // Inside brackets, two expressions side by side are a list or an
      // argument list missing its comma, as CPython suggests.
      // TODO: the caret starts at the first expression's last token; CPython
      // underlines the whole first expression, which is not known here.
      if [")", "]", "}"].contains(op), startsNewExpression(current) {
        throw errorAt(
          "invalid syntax. Perhaps you forgot a comma?", previous.pos.through(current.pos))
      }
      throw error(message ?? "expected '\(op)'")
    }
    return advance()
  }

  /// Whether `token` can only begin an expression, never continue one.
  private func startsNewExpression(_ token: Token) -> Bool {
    switch token.kind {
    case .int, .float, .string: return true
    case .name:
      return !keywords.contains(token.text)
        || ["True", "False", "None", "lambda", "not"].contains(token.text)
    case .op: return token.text == "{"
    default: return false
    }
  }

  private func error(_ message: String, at token: Token? = nil) -> PyError {
    let token = token ?? current
    return syntaxError(
      message, origin: origin, line: token.pos.line, column: token.pos.column,
      endColumn: token.pos.endLine == token.pos.line ? token.pos.endColumn : nil,
      incomplete: token.kind == .eof)
  }

  private func errorAt(_ message: String, _ pos: Pos) -> PyError {
    syntaxError(
      message, origin: origin, line: pos.line, column: pos.column,
      endColumn: pos.endLine == pos.line ? pos.endColumn : nil)
  }

  private var scope: Scope { scopes[scopes.count - 1] }

  /// Rejects `global x` (or `nonlocal x`) after the scope already bound or
  /// read `x`, since the statement would change what those earlier uses meant.
  private func checkDeclarable(_ name: String, kind: String, at token: Token) throws {
    let problem: String
    if scope.parameters.contains(name) {
      problem = "is parameter and \(kind)"
    } else if scope.isAssigned(name) {
      problem = "is assigned to before \(kind) declaration"
    } else if scope.references.contains(where: { $0.name == name }) {
      problem = "is used prior to \(kind) declaration"
    } else {
      return
    }
    throw error("name '\(name)' \(problem)", at: token)
  }

  private mutating func name(_ text: String, _ pos: Pos, assigned: Bool = false) -> NameExpr {
    let expression = NameExpr(text, pos)
    scope.references.append(expression)
    if assigned { scope.noteAssigned(text) }
    return expression
  }

  // MARK: statements

  mutating func parseProgram() throws -> [Stmt] {
    var body: [Stmt] = []
    while current.kind == .newline { _ = advance() }
    while current.kind != .eof {
      body.append(contentsOf: try parseStatement())
    }
    return body
  }

  private mutating func parseStatement() throws -> [Stmt] {
    let token = current
    if token.kind == .indent {
      throw syntaxError(
        "unexpected indent", origin: origin, line: token.pos.line, column: token.pos.column,
        indentation: true)
    }
    if token.kind == .magic {
      _ = advance()
      let statement = try parseMagic(token)
      if current.kind == .newline { _ = advance() }
      return [statement]
    }
    if token.kind == .name {
      switch token.text {
      case "if": return [try parseIf()]
      case "while": return [try parseWhile()]
      case "for": return [try parseFor()]
      case "try": return [try parseTry()]
      case "with": return [try parseWith()]
      case "def": return [try parseDef(decorators: [])]
      case "class":
        // TODO: classes are not part of the language yet; lessons only use
        // the built-in modules' types.
        throw error("class statements are not supported by mlscript")
      default: break
      }
    }
    if token.isOp("@") { return [try parseDecorated()] }
    return try parseSimpleLine()
  }

  private mutating func parseSimpleLine() throws -> [Stmt] {
    var statements = [try parseSmallStatement()]
    while accept(";") {
      if current.kind == .newline || current.kind == .eof {
        (statements.last as? ExprStmt)?.silent = true
        break
      }
      statements.append(try parseSmallStatement())
    }
    guard current.kind == .newline || current.kind == .eof else {
      throw error("invalid syntax")
    }
    _ = advance()
    return statements
  }

  private mutating func parseBlock(after keyword: Token) throws -> [Stmt] {
    _ = try expect(":", "expected ':'")
    if current.kind == .newline {
      _ = advance()
      guard current.kind == .indent else {
        let what =
          keyword.text == "def" ? "function definition" : "'\(keyword.text)' statement"
        var failure = syntaxError(
          "expected an indented block after \(what) on line "
            + "\(keyword.pos.line + origin.lineOffset)",
          origin: origin, line: current.pos.line, column: current.pos.column,
          incomplete: current.kind == .eof, indentation: true)
        if current.kind == .eof { failure.incompleteInput = true }
        throw failure
      }
      _ = advance()
      var body: [Stmt] = []
      while current.kind != .dedent && current.kind != .eof {
        body.append(contentsOf: try parseStatement())
      }
      _ = advance()
      return body
    }
    return try parseSimpleLine()
  }

  private mutating func parseIf() throws -> Stmt {
    let keyword = advance()
    var branches = [(test: try parseNamedTest(), body: try parseBlock(after: keyword))]
    var orElse: [Stmt] = []
    while current.isName("elif") {
      let elif = advance()
      branches.append((try parseNamedTest(), try parseBlock(after: elif)))
    }
    if current.isName("else") {
      let keywordElse = advance()
      orElse = try parseBlock(after: keywordElse)
    }
    return IfStmt(branches, orElse: orElse, keyword.pos)
  }

  private mutating func parseWhile() throws -> Stmt {
    let keyword = advance()
    let test = try parseNamedTest()
    loopDepth += 1
    let body = try parseBlock(after: keyword)
    loopDepth -= 1
    var orElse: [Stmt] = []
    if current.isName("else") {
      let keywordElse = advance()
      orElse = try parseBlock(after: keywordElse)
    }
    return WhileStmt(test, body, orElse: orElse, keyword.pos)
  }

  private mutating func parseFor() throws -> Stmt {
    let keyword = advance()
    let target = try parseTargetList()
    guard acceptName("in") else { throw error("expected 'in'") }
    let iterable = try parseTestList()
    loopDepth += 1
    let body = try parseBlock(after: keyword)
    loopDepth -= 1
    var orElse: [Stmt] = []
    if current.isName("else") {
      let keywordElse = advance()
      orElse = try parseBlock(after: keywordElse)
    }
    return ForStmt(target, iterable, body, orElse: orElse, keyword.pos.through(iterable.pos))
  }

  private mutating func parseTry() throws -> Stmt {
    let keyword = advance()
    let body = try parseBlock(after: keyword)
    var handlers: [ExceptHandler] = []
    while current.isName("except") {
      let exceptToken = advance()
      var handler = ExceptHandler(type: nil, name: nil, body: [])
      if !current.isOp(":") {
        handler.type = try parseTest()
        if current.isOp(",") {
          var items = [handler.type!]
          while accept(",") { items.append(try parseTest()) }
          throw errorAt("multiple exception types must be parenthesized", items[0].pos)
        }
        if acceptName("as") {
          let token = advance()
          guard token.kind == .name else { throw error("invalid syntax", at: token) }
          handler.name = name(token.text, token.pos, assigned: true)
        }
      }
      handler.body = try parseBlock(after: exceptToken)
      handlers.append(handler)
    }
    var orElse: [Stmt] = []
    var finally: [Stmt] = []
    if current.isName("else") {
      let keywordElse = advance()
      orElse = try parseBlock(after: keywordElse)
    }
    if current.isName("finally") {
      let keywordFinally = advance()
      finally = try parseBlock(after: keywordFinally)
    }
    if handlers.isEmpty && finally.isEmpty {
      throw error("expected 'except' or 'finally' block")
    }
    return TryStmt(body, handlers: handlers, orElse: orElse, finally: finally, keyword.pos)
  }

  private mutating func parseWith() throws -> Stmt {
    let keyword = advance()
    var items: [(context: Expr, target: Expr?)] = []
    repeat {
      let context = try parseTest()
      var target: Expr?
      if acceptName("as") { target = try parseTarget() }
      items.append((context, target))
    } while accept(",")
    let body = try parseBlock(after: keyword)
    return WithStmt(items, body, keyword.pos)
  }

  private mutating func parseDecorated() throws -> Stmt {
    var decorators: [Expr] = []
    while accept("@") {
      decorators.append(try parseTest())
      guard current.kind == .newline else { throw error("invalid syntax") }
      _ = advance()
    }
    guard current.isName("def") else { throw error("expected a function definition") }
    return try parseDef(decorators: decorators)
  }

  private mutating func parseDef(decorators: [Expr]) throws -> Stmt {
    let keyword = advance()
    let nameToken = advance()
    guard nameToken.kind == .name, !keywords.contains(nameToken.text) else {
      throw error("invalid syntax", at: nameToken)
    }
    let target = name(nameToken.text, nameToken.pos, assigned: true)
    let code = FunctionCode(
      name: nameToken.text, origin: origin, sourceLines: lines,
      pos: keyword.pos.through(nameToken.pos))
    _ = try expect("(", "expected '('")
    let (defaults, keywordDefaults, functionScope) = try parseParameters(code, closing: ")")
    _ = try expect(")", "expected ')'")
    if accept("->") { _ = try parseTest() }
    scopes.append(functionScope)
    let savedLoops = loopDepth
    loopDepth = 0
    functionDepth += 1
    let body = try parseBlock(after: keyword)
    functionDepth -= 1
    loopDepth = savedLoops
    scopes.removeLast()
    code.body = body
    if let first = body.first as? ExprStmt, let constant = first.value as? ConstantExpr,
      case .string(let text) = constant.value
    {
      code.doc = text
    }
    let function = FunctionExpr(
      code: code, defaults: defaults, keywordDefaults: keywordDefaults, keyword.pos)
    return DefStmt(target, function, decorators: decorators, keyword.pos.through(nameToken.pos))
  }

  /// Parses a parameter list up to `closing`, with defaults evaluated in
  /// the enclosing scope; returns the new function's scope.
  private mutating func parseParameters(
    _ code: FunctionCode, closing: String
  ) throws -> ([Expr], [(String, Expr)], Scope) {
    let functionScope = Scope(isModule: false, parent: scope, code: code)
    scope.children.append(functionScope)
    var defaults: [Expr] = []
    var keywordDefaults: [(String, Expr)] = []
    var keywordOnly = false
    var seen: Set<String> = []
    while !current.isOp(closing) {
      if accept("**") {
        let token = advance()
        guard token.kind == .name else { throw error("invalid syntax", at: token) }
        code.keywordVariadic = token.text
        if current.isOp(":") && closing == ")" {
          _ = advance()
          _ = try parseTest()
        }
      } else if accept("*") {
        keywordOnly = true
        if current.kind == .name {
          let token = advance()
          code.variadic = token.text
          if current.isOp(":") && closing == ")" {
            _ = advance()
            _ = try parseTest()
          }
        }
      } else if accept("/") {
        // Positional-only marker: the parameters before it bind the same way here.
      } else {
        let token = advance()
        guard token.kind == .name, !keywords.contains(token.text) else {
          throw error("invalid syntax", at: token)
        }
        if !seen.insert(token.text).inserted {
          throw error("duplicate argument '\(token.text)' in function definition", at: token)
        }
        if current.isOp(":") && closing == ")" {
          _ = advance()
          _ = try parseTest()
        }
        if accept("=") {
          let value = try parseTest()
          if keywordOnly {
            keywordDefaults.append((token.text, value))
          } else {
            defaults.append(value)
          }
        } else if !keywordOnly && !defaults.isEmpty {
          throw error("non-default argument follows default argument", at: token)
        }
        if keywordOnly {
          code.keywordOnly.append(token.text)
        } else {
          code.parameters.append(token.text)
        }
      }
      if !accept(",") { break }
    }
    code.requiredCount = code.parameters.count - defaults.count
    functionScope.parameters =
      code.parameters + code.keywordOnly + [code.variadic, code.keywordVariadic].compactMap { $0 }
    return (defaults, keywordDefaults, functionScope)
  }

  private mutating func parseSmallStatement() throws -> Stmt {
    let token = current
    if token.kind == .name {
      switch token.text {
      case "pass":
        _ = advance()
        return PassStmt(token.pos)
      case "break":
        _ = advance()
        guard loopDepth > 0 else { throw error("'break' outside loop", at: token) }
        return BreakStmt(token.pos)
      case "continue":
        _ = advance()
        guard loopDepth > 0 else { throw error("'continue' not properly in loop", at: token) }
        return ContinueStmt(token.pos)
      case "return":
        _ = advance()
        let value = isEndOfStatement ? nil : try parseTestListStar()
        guard functionDepth > 0 else {
          throw errorAt("'return' outside function", token.pos.through(value?.pos ?? token.pos))
        }
        return ReturnStmt(value, token.pos.through(value?.pos ?? token.pos))
      case "raise":
        _ = advance()
        if isEndOfStatement { return RaiseStmt(nil, cause: nil, token.pos) }
        let exception = try parseTest()
        var cause: Expr?
        if acceptName("from") { cause = try parseTest() }
        return RaiseStmt(exception, cause: cause, token.pos.through(previous.pos))
      case "global", "nonlocal":
        _ = advance()
        var names: [String] = []
        repeat {
          let nameToken = advance()
          guard nameToken.kind == .name else { throw error("invalid syntax", at: nameToken) }
          try checkDeclarable(nameToken.text, kind: token.text, at: token)
          names.append(nameToken.text)
        } while accept(",")
        if token.text == "global" {
          scope.globals.formUnion(names)
        } else {
          guard !scope.isModule else {
            throw error("nonlocal declaration not allowed at module level", at: token)
          }
          scope.nonlocals.formUnion(names)
        }
        return ScopeStmt(names, isGlobal: token.text == "global", token.pos)
      case "del":
        _ = advance()
        var targets: [Expr] = []
        repeat {
          if isEndOfStatement { break }
          let target = try parseBitOr()
          if let problem = target.assignmentProblem {
            throw errorAt("cannot delete \(problem)", target.pos)
          }
          targets.append(target)
        } while accept(",")
        return DeleteStmt(targets, token.pos.through(previous.pos))
      case "assert":
        _ = advance()
        let test = try parseTest()
        var message: Expr?
        if accept(",") { message = try parseTest() }
        return AssertStmt(test, message, token.pos.through(previous.pos))
      case "import":
        return try parseImport()
      case "from":
        return try parseFromImport()
      default: break
      }
    }
    return try parseExpressionStatement()
  }

  private var isEndOfStatement: Bool {
    current.kind == .newline || current.kind == .eof || current.isOp(";")
  }

  private mutating func parseDottedName() throws -> String {
    var parts: [String] = []
    repeat {
      let token = advance()
      guard token.kind == .name else { throw error("invalid syntax", at: token) }
      parts.append(token.text)
    } while accept(".")
    return parts.joined(separator: ".")
  }

  private mutating func parseImport() throws -> Stmt {
    let keyword = advance()
    var names: [(module: String, alias: String?, target: NameExpr)] = []
    repeat {
      let start = current.pos
      let module = try parseDottedName()
      if acceptName("as") {
        let alias = advance()
        guard alias.kind == .name else { throw error("invalid syntax", at: alias) }
        names.append((module, alias.text, name(alias.text, alias.pos, assigned: true)))
      } else {
        let top = String(module.split(separator: ".").first ?? "")
        names.append((module, nil, name(top, start, assigned: true)))
      }
    } while accept(",")
    return ImportStmt(names, keyword.pos.through(previous.pos))
  }

  private mutating func parseFromImport() throws -> Stmt {
    let keyword = advance()
    var module = ""
    while current.isOp(".") || current.isOp("...") {
      module += advance().text
    }
    if !current.isName("import") { module += try parseDottedName() }
    guard acceptName("import") else { throw error("invalid syntax") }
    if accept("*") {
      guard scope.isModule else {
        throw error("import * only allowed at module level", at: previous)
      }
      return FromImportStmt(module, names: [], star: true, keyword.pos.through(previous.pos))
    }
    let parenthesized = accept("(")
    var names: [(name: String, target: NameExpr)] = []
    repeat {
      if parenthesized && current.isOp(")") { break }
      let token = advance()
      guard token.kind == .name else { throw error("invalid syntax", at: token) }
      if acceptName("as") {
        let alias = advance()
        guard alias.kind == .name else { throw error("invalid syntax", at: alias) }
        names.append((token.text, name(alias.text, alias.pos, assigned: true)))
      } else {
        names.append((token.text, name(token.text, token.pos, assigned: true)))
      }
    } while accept(",")
    if parenthesized { _ = try expect(")") }
    return FromImportStmt(module, names: names, star: false, keyword.pos.through(previous.pos))
  }

  private static let augmentedOperators: [String: BinaryOperator] = [
    "+=": .add, "-=": .subtract, "*=": .multiply, "/=": .trueDivide, "//=": .floorDivide,
    "%=": .modulo, "**=": .power, "@=": .matrixMultiply, "&=": .bitAnd, "|=": .bitOr,
    "^=": .bitXor, "<<=": .leftShift, ">>=": .rightShift,
  ]

  private mutating func parseExpressionStatement() throws -> Stmt {
    let first = try parseTestListStar()
    if current.kind == .op, let op = Parser.augmentedOperators[current.text] {
      let opToken = advance()
      guard first is NameExpr || first is AttributeExpr || first is SubscriptExpr else {
        throw errorAt(
          "'\(describe(first))' is an illegal expression for augmented assignment", first.pos)
      }
      markAssigned(first)
      let value = try parseTestList()
      return AugAssignStmt(first, op, value, opPos: opToken.pos, first.pos.through(value.pos))
    }
    if current.isOp(":") && (first is NameExpr || first is AttributeExpr || first is SubscriptExpr)
    {
      _ = advance()
      _ = try parseTest()
      if accept("=") {
        try checkTarget(first)
        let value = try parseTestListStar()
        return AssignStmt([first], value, first.pos.through(value.pos))
      }
      return PassStmt(first.pos)
    }
    if current.isOp("=") {
      var targets = [first]
      var value = first
      while accept("=") {
        value = try parseTestListStar()
        targets.append(value)
      }
      targets.removeLast()
      for target in targets { try checkTarget(target) }
      return AssignStmt(targets, value, first.pos.through(value.pos))
    }
    if let starred = first as? StarredExpr {
      throw errorAt("can't use starred expression here", starred.pos)
    }
    // Python 2's print statement, still common in old lesson material.
    if let name = first as? NameExpr, name.name == "print" || name.name == "exec",
      startsNewExpression(current)
    {
      throw errorAt(
        "Missing parentheses in call to '\(name.name)'. Did you mean \(name.name)(...)?",
        first.pos.through(current.pos))
    }
    return ExprStmt(first, first.pos)
  }

  private func describe(_ expression: Expr) -> String {
    switch expression {
    case is TupleExpr: return "tuple"
    case is ListExpr: return "list"
    case is ConstantExpr: return "literal"
    default: return "expression"
    }
  }

  private func checkTarget(_ target: Expr) throws {
    if let problem = target.assignmentProblem {
      var message = "cannot assign to \(problem)"
      if target is CallExpr { message = "cannot assign to function call" }
      if problem == "literal" || problem == "expression" || target is CallExpr {
        message += " here. Maybe you meant '==' instead of '='?"
      }
      throw errorAt(message, target.pos)
    }
    markAssigned(target)
  }

  private func markAssigned(_ target: Expr) {
    switch target {
    case let name as NameExpr: scope.noteAssigned(name.name)
    case let tuple as TupleExpr: tuple.elements.forEach(markAssigned)
    case let list as ListExpr: list.elements.forEach(markAssigned)
    case let starred as StarredExpr: markAssigned(starred.value)
    default: break
    }
  }

  /// A `for` target list: `i`, `x, y`, `(a, b)`.
  private mutating func parseTargetList() throws -> Expr {
    let start = current.pos
    var items = [try parseTarget()]
    var trailingComma = false
    while accept(",") {
      trailingComma = true
      if current.isName("in") || current.isOp("=") { break }
      items.append(try parseTarget())
      trailingComma = false
    }
    let target: Expr =
      items.count == 1 && !trailingComma ? items[0] : TupleExpr(items, start.through(previous.pos))
    try checkTarget(target)
    return target
  }

  private mutating func parseTarget() throws -> Expr {
    if current.isOp("*") {
      let star = advance()
      let value = try parseBitOr()
      return StarredExpr(value, star.pos.through(value.pos))
    }
    let target = try parseBitOr()
    try checkTarget(target)
    return target
  }

  // MARK: magics

  private mutating func parseMagic(_ token: Token) throws -> Stmt {
    let text = token.text
    if text.hasPrefix("!") { return MagicStmt(.shell(String(text.dropFirst())), token.pos) }
    let body = text.dropFirst()
    let nameEnd = body.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? body.endIndex
    let magic = String(body[..<nameEnd])
    var arguments = String(body[nameEnd...])
    let leading = arguments.prefix { $0 == " " || $0 == "\t" }.count
    arguments = String(arguments.dropFirst(leading))
    let column = token.pos.column + 1 + magic.count + leading
    switch magic {
    case "matplotlib", "load_ext", "config", "reload_ext", "autoreload", "pylab":
      return MagicStmt(.ignored, token.pos)
    case "time":
      let statements = try parseFragment(arguments, line: token.pos.line, column: column)
      if statements.count == 1, let single = statements[0] as? ExprStmt {
        return ExprStmt(TimedExpr(single.value, single.pos), single.pos)
      }
      return MagicStmt(.time(statements), token.pos)
    case "timeit":
      var rest = Substring(arguments)
      var skipped = 0
      while rest.hasPrefix("-") {
        let option = rest.prefix { $0 != " " }
        var drop = option.count
        if option == "-n" || option == "-r" {
          let afterOption = rest.dropFirst(option.count).drop { $0 == " " }
          let number = afterOption.prefix { $0 != " " }
          drop = rest.count - afterOption.count + number.count
        }
        let after = rest.dropFirst(drop)
        let spaces = after.prefix { $0 == " " }.count
        skipped += drop + spaces
        rest = after.dropFirst(spaces)
      }
      let statements = try parseFragment(
        String(rest), line: token.pos.line, column: column + skipped)
      if statements.count == 1, let single = statements[0] as? ExprStmt {
        return MagicStmt(.timeit(single.value, []), token.pos)
      }
      return MagicStmt(.timeit(nil, statements), token.pos)
    default:
      return MagicStmt(.unknown(magic), token.pos)
    }
  }

  /// Parses text embedded in a line (a magic's argument) in this scope.
  private mutating func parseFragment(
    _ text: String, line: Int, column: Int
  ) throws -> [Stmt] {
    var fragmentTokens = try Lexer.tokenize(text, origin: origin)
    for i in fragmentTokens.indices {
      shift(&fragmentTokens[i].pos, line: line, column: column)
    }
    var parser = Parser(tokens: fragmentTokens, origin: origin, lines: lines, scopes: scopes)
    parser.loopDepth = loopDepth
    parser.functionDepth = functionDepth
    return try parser.parseProgram()
  }

  private func shift(_ pos: inout Pos, line: Int, column: Int) {
    if pos.line == 1 { pos.column += column - 1 }
    if pos.endLine == 1 { pos.endColumn += column - 1 }
    pos.line += line - 1
    pos.endLine += line - 1
  }

  // MARK: expressions

  /// `a, b` as a tuple, allowing `*rest`.
  private mutating func parseTestListStar() throws -> Expr {
    let first = try parseTestOrStar()
    guard current.isOp(",") else { return first }
    var items = [first]
    while accept(",") {
      if isEndOfStatement || current.isOp("=") || current.isOp(")") { break }
      if let op = Parser.augmentedOperators[current.text], current.kind == .op {
        _ = op
        break
      }
      items.append(try parseTestOrStar())
    }
    return TupleExpr(items, first.pos.through(previous.pos))
  }

  private mutating func parseTestList() throws -> Expr {
    try parseTestListStar()
  }

  private mutating func parseTestOrStar() throws -> Expr {
    if current.isOp("*") {
      let star = advance()
      let value = try parseBitOr()
      return StarredExpr(value, star.pos.through(value.pos))
    }
    return try parseNamedTest()
  }

  private mutating func parseNamedTest() throws -> Expr {
    let value = try parseTest()
    if current.isOp(":=") {
      guard let target = value as? NameExpr else {
        throw errorAt("cannot use assignment expressions with \(describe(value))", value.pos)
      }
      _ = advance()
      scope.noteAssigned(target.name)
      let assigned = try parseTest()
      return WalrusExpr(target, assigned, target.pos.through(assigned.pos))
    }
    return value
  }

  private mutating func enter() throws {
    nesting += 1
    if nesting > Parser.maximumNesting { throw error("too many nested expressions") }
  }

  private mutating func parseTest() throws -> Expr {
    try enter()
    defer { nesting -= 1 }
    if current.isName("lambda") { return try parseLambda() }
    let value = try parseOr()
    if current.isName("if") {
      _ = advance()
      let test = try parseOr()
      guard acceptName("else") else { throw error("expected 'else' after 'if' expression") }
      let orElse = try parseTest()
      return try checked(IfExpr(test, value, orElse))
    }
    return try checked(value)
  }

  private func checked(_ expression: Expr) throws -> Expr {
    if expression.depth > Parser.maximumTreeDepth {
      throw errorAt("expression too deeply nested", expression.pos)
    }
    return expression
  }

  private mutating func parseLambda() throws -> Expr {
    let keyword = advance()
    let code = FunctionCode(
      name: "<lambda>", origin: origin, sourceLines: lines, pos: keyword.pos)
    let (defaults, keywordDefaults, lambdaScope) = try parseParameters(code, closing: ":")
    _ = try expect(":", "expected ':'")
    scopes.append(lambdaScope)
    let savedLoops = loopDepth
    loopDepth = 0
    let body = try parseTest()
    loopDepth = savedLoops
    scopes.removeLast()
    code.expressionBody = body
    code.pos = keyword.pos.through(body.pos)
    return FunctionExpr(
      code: code, defaults: defaults, keywordDefaults: keywordDefaults,
      keyword.pos.through(body.pos))
  }

  private mutating func parseOr() throws -> Expr {
    let first = try parseAnd()
    guard current.isName("or") else { return first }
    var values = [first]
    while acceptName("or") { values.append(try parseAnd()) }
    return try checked(BoolOpExpr(isAnd: false, values))
  }

  private mutating func parseAnd() throws -> Expr {
    let first = try parseNot()
    guard current.isName("and") else { return first }
    var values = [first]
    while acceptName("and") { values.append(try parseNot()) }
    return try checked(BoolOpExpr(isAnd: true, values))
  }

  private mutating func parseNot() throws -> Expr {
    if current.isName("not") {
      let keyword = advance()
      try enter()
      defer { nesting -= 1 }
      let operand = try parseNot()
      return NotExpr(operand, keyword.pos.through(operand.pos))
    }
    return try parseComparison()
  }

  private mutating func comparisonOperator() -> CompareOp? {
    let token = current
    if token.kind == .op {
      let op: CompareOp?
      switch token.text {
      case "<": op = .less
      case "<=": op = .lessEqual
      case ">": op = .greater
      case ">=": op = .greaterEqual
      case "==": op = .equal
      case "!=": op = .notEqual
      default: op = nil
      }
      if op != nil { _ = advance() }
      return op
    }
    if token.isName("in") {
      _ = advance()
      return .isIn
    }
    if token.isName("not") && peek(1).isName("in") {
      _ = advance()
      _ = advance()
      return .notIn
    }
    if token.isName("is") {
      _ = advance()
      return acceptName("not") ? .isNot : .isSame
    }
    return nil
  }

  private mutating func parseComparison() throws -> Expr {
    let first = try parseBitOr()
    var ops: [CompareOp] = []
    var comparators: [Expr] = []
    while let op = comparisonOperator() {
      ops.append(op)
      comparators.append(try parseBitOr())
    }
    if ops.isEmpty { return first }
    return try checked(CompareExpr(first, ops, comparators))
  }

  private mutating func parseBinary(
    _ table: [String: BinaryOperator], _ next: (inout Parser) throws -> Expr
  ) throws -> Expr {
    var left = try next(&self)
    while current.kind == .op, let op = table[current.text] {
      let opToken = advance()
      let right = try next(&self)
      left = try checked(BinaryExpr(op, left, right, opPos: opToken.pos))
    }
    return left
  }

  private mutating func parseBitOr() throws -> Expr {
    try parseBinary(["|": .bitOr]) { try $0.parseBitXor() }
  }
  private mutating func parseBitXor() throws -> Expr {
    try parseBinary(["^": .bitXor]) { try $0.parseBitAnd() }
  }
  private mutating func parseBitAnd() throws -> Expr {
    try parseBinary(["&": .bitAnd]) { try $0.parseShift() }
  }
  private mutating func parseShift() throws -> Expr {
    try parseBinary(["<<": .leftShift, ">>": .rightShift]) { try $0.parseArith() }
  }
  private mutating func parseArith() throws -> Expr {
    try parseBinary(["+": .add, "-": .subtract]) { try $0.parseTerm() }
  }
  private mutating func parseTerm() throws -> Expr {
    try parseBinary(
      ["*": .multiply, "/": .trueDivide, "//": .floorDivide, "%": .modulo, "@": .matrixMultiply]
    ) { try $0.parseFactor() }
  }

  private mutating func parseFactor() throws -> Expr {
    let token = current
    let op: UnaryOperator?
    switch token.kind == .op ? token.text : "" {
    case "-": op = .negate
    case "+": op = .plus
    case "~": op = .invert
    default: op = nil
    }
    guard let op else { return try parsePower() }
    _ = advance()
    try enter()
    defer { nesting -= 1 }
    let operand = try parseFactor()
    if op == .negate, let constant = operand as? ConstantExpr {
      switch constant.value {
      case .int(let number) where number != 0:
        return ConstantExpr(.int(-number), token.pos.through(operand.pos))
      case .float(let number):
        return ConstantExpr(.float(-number), token.pos.through(operand.pos))
      default: break
      }
    }
    return UnaryExpr(op, operand, token.pos.through(operand.pos))
  }

  private mutating func parsePower() throws -> Expr {
    let base = try parsePrimary()
    if current.isOp("**") {
      let opToken = advance()
      try enter()
      defer { nesting -= 1 }
      let exponent = try parseFactor()
      return try checked(BinaryExpr(.power, base, exponent, opPos: opToken.pos))
    }
    return base
  }

  private mutating func parsePrimary() throws -> Expr {
    var value = try parseAtom()
    while true {
      if current.isOp("(") {
        _ = advance()
        let arguments = try parseArguments()
        let close = try expect(")", "'(' was never closed")
        value = try checked(CallExpr(value, arguments, value.pos.through(close.pos)))
      } else if current.isOp("[") {
        _ = advance()
        let index = try parseSubscript()
        let close = try expect("]", "expected ']'")
        value = try checked(SubscriptExpr(value, index, value.pos.through(close.pos)))
      } else if current.isOp(".") {
        _ = advance()
        let token = advance()
        guard token.kind == .name else { throw error("invalid syntax", at: token) }
        value = try checked(AttributeExpr(value, token.text, value.pos.through(token.pos)))
      } else {
        return value
      }
    }
  }

  private mutating func parseArguments() throws -> [CallArgument] {
    var arguments: [CallArgument] = []
    var sawKeyword = false
    while !current.isOp(")") {
      if accept("**") {
        arguments.append(CallArgument(kind: .doubleStar, name: nil, value: try parseTest()))
        sawKeyword = true
      } else if accept("*") {
        arguments.append(CallArgument(kind: .star, name: nil, value: try parseTest()))
      } else if current.kind == .name && peek(1).isOp("=") {
        let token = advance()
        _ = advance()
        if keywords.contains(token.text) {
          throw error("expression cannot contain assignment, perhaps you meant \"==\"?", at: token)
        }
        if arguments.contains(where: { $0.name == token.text }) {
          throw error("keyword argument repeated: \(token.text)", at: token)
        }
        arguments.append(CallArgument(kind: .keyword, name: token.text, value: try parseTest()))
        sawKeyword = true
      } else {
        let start = scope.references.count
        let childStart = scope.children.count
        let value = try parseNamedTest()
        if current.isName("for") {
          let generator = try parseComprehension(
            .generator, element: value, value: nil, referenceMark: start,
            childMark: childStart, start: value.pos)
          arguments.append(CallArgument(kind: .positional, name: nil, value: generator))
          continue
        }
        if sawKeyword {
          throw errorAt(
            "positional argument follows keyword argument", value.pos)
        }
        arguments.append(CallArgument(kind: .positional, name: nil, value: value))
      }
      if !accept(",") { break }
    }
    return arguments
  }

  private mutating func parseSubscript() throws -> Expr {
    let first = try parseSliceItem()
    guard current.isOp(",") else { return first }
    var items = [first]
    while accept(",") {
      if current.isOp("]") { break }
      items.append(try parseSliceItem())
    }
    return TupleExpr(items, first.pos.through(previous.pos))
  }

  private mutating func parseSliceItem() throws -> Expr {
    let start = current.pos
    var lower: Expr?
    if !current.isOp(":") {
      let value = try parseTestOrStar()
      guard current.isOp(":") else { return value }
      lower = value
    }
    _ = advance()
    var upper: Expr?
    var step: Expr?
    if !current.isOp(":") && !current.isOp("]") && !current.isOp(",") {
      upper = try parseTest()
    }
    if accept(":") {
      if !current.isOp("]") && !current.isOp(",") { step = try parseTest() }
    }
    return SliceExpr(lower, upper, step, start.through(previous.pos))
  }

  private mutating func parseAtom() throws -> Expr {
    let token = current
    switch token.kind {
    case .int:
      _ = advance()
      return ConstantExpr(.int(token.intValue), token.pos)
    case .float:
      _ = advance()
      return ConstantExpr(.float(token.floatValue), token.pos)
    case .string:
      return try parseStrings()
    case .name:
      switch token.text {
      case "None":
        _ = advance()
        return ConstantExpr(.none, token.pos)
      case "True":
        _ = advance()
        return ConstantExpr(.bool(true), token.pos)
      case "False":
        _ = advance()
        return ConstantExpr(.bool(false), token.pos)
      default:
        if keywords.contains(token.text) { throw error("invalid syntax") }
        _ = advance()
        return name(token.text, token.pos)
      }
    case .op:
      switch token.text {
      case "(": return try parseParenthesized()
      case "[": return try parseListDisplay()
      case "{": return try parseDictDisplay()
      case "...":
        _ = advance()
        return ConstantExpr(.object(PyEllipsis.shared), token.pos)
      default:
        throw error("invalid syntax")
      }
    case .eof:
      throw error("unexpected EOF while parsing")
    case .indent:
      throw syntaxError(
        "unexpected indent", origin: origin, line: token.pos.line, column: token.pos.column,
        indentation: true)
    default:
      throw error("invalid syntax")
    }
  }

  private mutating func parseParenthesized() throws -> Expr {
    let open = advance()
    try enter()
    defer { nesting -= 1 }
    if current.isOp(")") {
      let close = advance()
      return TupleExpr([], open.pos.through(close.pos))
    }
    let start = scope.references.count
    let childStart = scope.children.count
    let first = try parseTestOrStar()
    if current.isName("for") {
      let generator = try parseComprehension(
        .generator, element: first, value: nil, referenceMark: start, childMark: childStart,
        start: open.pos)
      let close = try expect(")", "'(' was never closed")
      generator.pos = open.pos.through(close.pos)
      return generator
    }
    if current.isOp(":="), let target = first as? NameExpr {
      _ = advance()
      scope.noteAssigned(target.name)
      let assigned = try parseTest()
      _ = try expect(")")
      return WalrusExpr(target, assigned, target.pos.through(assigned.pos))
    }
    guard current.isOp(",") else {
      _ = try expect(")", "'(' was never closed")
      return first
    }
    var items = [first]
    while accept(",") {
      if current.isOp(")") { break }
      items.append(try parseTestOrStar())
    }
    let close = try expect(")", "'(' was never closed")
    return TupleExpr(items, open.pos.through(close.pos))
  }

  private mutating func parseListDisplay() throws -> Expr {
    let open = advance()
    try enter()
    defer { nesting -= 1 }
    var items: [Expr] = []
    if current.isOp("]") {
      let close = advance()
      return ListExpr([], open.pos.through(close.pos))
    }
    let start = scope.references.count
    let childStart = scope.children.count
    let first = try parseTestOrStar()
    if current.isName("for") {
      let comprehension = try parseComprehension(
        .list, element: first, value: nil, referenceMark: start, childMark: childStart,
        start: open.pos)
      let close = try expect("]", "'[' was never closed")
      comprehension.pos = open.pos.through(close.pos)
      return comprehension
    }
    items.append(first)
    while accept(",") {
      if current.isOp("]") { break }
      items.append(try parseTestOrStar())
    }
    let close = try expect("]", "'[' was never closed")
    return ListExpr(items, open.pos.through(close.pos))
  }

  private mutating func parseDictDisplay() throws -> Expr {
    let open = advance()
    try enter()
    defer { nesting -= 1 }
    if current.isOp("}") {
      let close = advance()
      return DictExpr([], open.pos.through(close.pos))
    }
    let start = scope.references.count
    let childStart = scope.children.count
    if accept("**") {
      var entries: [(key: Expr?, value: Expr)] = [(nil, try parseBitOr())]
      try parseDictRest(&entries)
      let close = try expect("}", "'{' was never closed")
      return DictExpr(entries, open.pos.through(close.pos))
    }
    let first = try parseTestOrStar()
    if accept(":") {
      let value = try parseTest()
      if current.isName("for") {
        let comprehension = try parseComprehension(
          .dict, element: first, value: value, referenceMark: start, childMark: childStart,
          start: open.pos)
        let close = try expect("}", "'{' was never closed")
        comprehension.pos = open.pos.through(close.pos)
        return comprehension
      }
      var entries: [(key: Expr?, value: Expr)] = [(first, value)]
      try parseDictRest(&entries)
      let close = try expect("}", "'{' was never closed")
      return DictExpr(entries, open.pos.through(close.pos))
    }
    if current.isName("for") {
      let comprehension = try parseComprehension(
        .set, element: first, value: nil, referenceMark: start, childMark: childStart,
        start: open.pos)
      let close = try expect("}", "'{' was never closed")
      comprehension.pos = open.pos.through(close.pos)
      return comprehension
    }
    var items = [first]
    while accept(",") {
      if current.isOp("}") { break }
      items.append(try parseTestOrStar())
    }
    let close = try expect("}", "'{' was never closed")
    return SetExpr(items, open.pos.through(close.pos))
  }

  private mutating func parseDictRest(_ entries: inout [(key: Expr?, value: Expr)]) throws {
    while accept(",") {
      if current.isOp("}") { break }
      if accept("**") {
        entries.append((nil, try parseBitOr()))
      } else {
        let key = try parseTest()
        _ = try expect(":", "':' expected after dictionary key")
        entries.append((key, try parseTest()))
      }
    }
  }

  /// Parses the `for ... in ... if ...` clauses after a comprehension's
  /// element, moving the element's names into the comprehension's scope.
  private mutating func parseComprehension(
    _ kind: ComprehensionExpr.Kind, element: Expr, value: Expr?, referenceMark: Int,
    childMark: Int, start: Pos
  ) throws -> Expr {
    let outer = scope
    let names: [String: String] = [
      "list": "<listcomp>", "set": "<setcomp>", "dict": "<dictcomp>",
      "generator": "<genexpr>",
    ]
    let code = FunctionCode(
      name: names["\(kind)"] ?? "<listcomp>", origin: origin, sourceLines: lines, pos: start)
    let inner = Scope(isModule: false, parent: outer, code: code)
    inner.references = Array(outer.references[referenceMark...])
    outer.references.removeSubrange(referenceMark...)
    inner.children = Array(outer.children[childMark...])
    outer.children.removeSubrange(childMark...)
    for child in inner.children { child.parent = inner }
    outer.children.append(inner)

    var clauses: [ComprehensionClause] = []
    while current.isName("for") {
      _ = advance()
      scopes.append(inner)
      let target = try parseComprehensionTarget()
      scopes.removeLast()
      guard acceptName("in") else { throw error("expected 'in'") }
      if clauses.isEmpty { scopes.append(outer) } else { scopes.append(inner) }
      let iterable = try parseOr()
      scopes.removeLast()
      scopes.append(inner)
      var conditions: [Expr] = []
      while current.isName("if") {
        _ = advance()
        conditions.append(try parseOrNoConditional())
      }
      scopes.removeLast()
      clauses.append(
        ComprehensionClause(target: target, iterable: iterable, conditions: conditions))
    }
    let expression = ComprehensionExpr(
      kind, element: element, value: value, clauses: clauses, start.through(previous.pos))
    expression.code = code
    return expression
  }

  private mutating func parseOrNoConditional() throws -> Expr {
    try parseOr()
  }

  private mutating func parseComprehensionTarget() throws -> Expr {
    let start = current.pos
    var items = [try parseTarget()]
    var trailing = false
    while accept(",") {
      trailing = true
      if current.isName("in") { break }
      items.append(try parseTarget())
      trailing = false
    }
    let target: Expr =
      items.count == 1 && !trailing ? items[0] : TupleExpr(items, start.through(previous.pos))
    markAssigned(target)
    return target
  }

  // MARK: strings

  private mutating func parseStrings() throws -> Expr {
    let first = current
    var pieces: [FStringExpr.Piece] = []
    var isFormatted = false
    var last = first
    while current.kind == .string {
      let token = advance()
      last = token
      if let parts = token.fstringParts {
        isFormatted = true
        pieces.append(contentsOf: try convert(parts))
      } else {
        pieces.append(.text(token.stringValue))
      }
    }
    let pos = first.pos.through(last.pos)
    if !isFormatted {
      var text = ""
      for case .text(let part) in pieces { text += part }
      return ConstantExpr(.string(text), pos)
    }
    return FStringExpr(pieces, pos)
  }

  private mutating func convert(_ parts: [FStringPart]) throws -> [FStringExpr.Piece] {
    var pieces: [FStringExpr.Piece] = []
    for part in parts {
      switch part {
      case .text(let text): pieces.append(.text(text))
      case .field(let field):
        let expression = try parseFieldExpression(field)
        let spec = try convert(field.spec)
        let prefix = field.selfDocumenting ? field.prefix : ""
        pieces.append(
          .field(expression, conversion: field.conversion, spec: spec, prefix: prefix))
      }
    }
    return pieces
  }

  private mutating func parseFieldExpression(_ field: FStringField) throws -> Expr {
    var fieldTokens = try Lexer.tokenize("(" + field.source + ")", origin: origin)
    for i in fieldTokens.indices {
      shift(&fieldTokens[i].pos, line: field.line, column: field.column - 1)
    }
    var parser = Parser(tokens: fieldTokens, origin: origin, lines: lines, scopes: scopes)
    parser.nesting = nesting
    let expression = try parser.parseTestListStar()
    guard parser.current.kind == .newline || parser.current.kind == .eof else {
      throw parser.error("f-string: invalid syntax")
    }
    return expression
  }
}

/// `name := value`.
final class WalrusExpr: Expr {
  let target: NameExpr
  let value: Expr
  init(_ target: NameExpr, _ value: Expr, _ pos: Pos) {
    self.target = target
    self.value = value
    super.init(pos)
    depth = value.depth + 1
  }
  override func eval(_ f: Frame) throws -> Value {
    let result = try value.eval(f)
    try target.assign(result, f)
    return result
  }
}
