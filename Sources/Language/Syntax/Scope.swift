/// What the parser learns about one scope (the top level, a function, a
/// lambda or a comprehension) for name resolution.
final class Scope {
  let isModule: Bool
  var parent: Scope?
  let code: FunctionCode?
  var parameters: [String] = []
  var assigned: [String] = []
  private var assignedSet: Set<String> = []
  var globals: Set<String> = []
  var nonlocals: Set<String> = []
  var references: [NameExpr] = []
  var children: [Scope] = []
  var cellVariables: [String] = []
  var freeVariables: [String] = []

  init(isModule: Bool, parent: Scope?, code: FunctionCode?) {
    self.isModule = isModule
    self.parent = parent
    self.code = code
  }

  func noteAssigned(_ name: String) {
    if assignedSet.insert(name).inserted { assigned.append(name) }
  }

  func isLocal(_ name: String) -> Bool {
    !isModule && !globals.contains(name) && !nonlocals.contains(name)
      && (assignedSet.contains(name) || parameters.contains(name))
  }

  /// The index of `name` among this scope's cells (own, then free).
  func cellIndex(_ name: String) -> Int? {
    if let own = cellVariables.firstIndex(of: name) { return own }
    if let free = freeVariables.firstIndex(of: name) { return cellVariables.count + free }
    return nil
  }
}

/// Binds every name reference of a parsed program to a slot, a cell or a
/// global box before it runs.
struct Resolver {
  let globalBox: (String) -> GlobalBox

  func resolve(_ root: Scope) throws {
    try findFreeVariables(root)
    assign(root)
  }

  private func findFreeVariables(_ scope: Scope) throws {
    if !scope.isModule {
      var names = scope.references.map(\.name)
      names.append(contentsOf: scope.nonlocals)
      for name in names where !scope.globals.contains(name) && !scope.isLocal(name) {
        let found = capture(name, from: scope)
        if !found && scope.nonlocals.contains(name) {
          throw PyError(.syntaxError, "no binding for nonlocal '\(name)' found")
        }
      }
    }
    for child in scope.children { try findFreeVariables(child) }
  }

  /// Marks `name` as a cell of the enclosing function that binds it and as
  /// free in every scope in between; false when it is a global.
  private func capture(_ name: String, from scope: Scope) -> Bool {
    var path = [scope]
    var current = scope.parent
    while let outer = current, !outer.isModule {
      if outer.globals.contains(name) { return false }
      if outer.isLocal(name) {
        if !outer.cellVariables.contains(name) { outer.cellVariables.append(name) }
        for inner in path where !inner.freeVariables.contains(name) {
          inner.freeVariables.append(name)
        }
        return true
      }
      path.append(outer)
      current = outer.parent
    }
    return false
  }

  private func assign(_ scope: Scope) {
    if scope.isModule {
      for reference in scope.references { reference.access = .global(globalBox(reference.name)) }
    } else if let code = scope.code {
      var slots: [String: Int] = [:]
      var names: [String] = []
      for name in scope.parameters + scope.assigned
      where slots[name] == nil && scope.isLocal(name) {
        slots[name] = names.count
        names.append(name)
      }
      code.slotCount = names.count
      code.localNames = names
      code.ownCellCount = scope.cellVariables.count
      code.parameterCells = scope.parameters.compactMap { name in
        guard let slot = slots[name], let cell = scope.cellVariables.firstIndex(of: name)
        else { return nil }
        return (slot, cell)
      }
      if let parent = scope.parent {
        code.freeSources = scope.freeVariables.map { parent.cellIndex($0) ?? 0 }
      }
      code.finishResolution()
      for reference in scope.references {
        let name = reference.name
        if scope.globals.contains(name) {
          reference.access = .global(globalBox(name))
        } else if let cell = scope.cellIndex(name) {
          reference.access = .cell(cell)
        } else if let slot = slots[name] {
          reference.access = .local(slot)
        } else {
          reference.access = .global(globalBox(name))
        }
      }
    }
    for child in scope.children { assign(child) }
  }
}
