import Language

/// The modules `import` finds: NumPy, TensorFlow/Keras, h5py, scikit-learn,
/// matplotlib, the lesson helpers and a few of Python's standard modules.
public final class BuiltinModules: ModuleProvider {
  private var loaded: [String: PyModule] = [:]
  private let arguments: [String]

  /// Makes the registry; modules are built on first import. `arguments`
  /// become `sys.argv`: the script's path (or `-c`) and what followed it.
  public init(arguments: [String] = [""]) { self.arguments = arguments }

  /// The factories by top-level module name. Each layer's bindings live
  /// in their own folder beside this file.
  private static let factories: [String: (BuiltinModules) throws -> PyModule] = [
    "numpy": { _ in try makeNumPyModule() },
    "tensorflow": { _ in try makeTensorFlowModule() },
    "keras": { _ in try makeKerasModule() },
    "h5py": { _ in try makeH5pyModule() },
    "sklearn": { _ in try makeSKLearnModule() },
    "matplotlib": { _ in try makeMatplotlibModule() },
    "mlutils": { _ in try makeMLUtilsModule() },
    "math": { _ in try makeMathModule() },
    "random": { _ in try makeRandomModule() },
    "time": { _ in try makeTimeModule() },
    "sys": { try makeSysModule(arguments: $0.arguments) },
  ]

  public func module(named name: String) throws -> PyModule? {
    if let module = loaded[name] { return module }
    if name == "local" || name.hasPrefix("local.") {
      return try localPackage(name)
    }
    let parts = name.split(separator: ".").map(String.init)
    guard let top = parts.first, let factory = Self.factories[top] else { return nil }
    let root = try loaded[top] ?? factory(self)
    loaded[top] = root
    var current = root
    for part in parts.dropFirst() {
      guard let member = try current.attribute(part), let sub = member.object(as: PyModule.self)
      else { return nil }
      current = sub
    }
    loaded[name] = current
    return current
  }

  /// `from local.lib import mlutils`, the course's path to its helpers.
  private func localPackage(_ name: String) throws -> PyModule? {
    guard let mlutils = try module(named: "mlutils") else { return nil }
    let lib = PyModule("local.lib")
    lib.define("mlutils", .object(mlutils))
    let local = PyModule("local")
    local.define("lib", .object(lib))
    loaded["local"] = local
    loaded["local.lib"] = lib
    loaded["local.lib.mlutils"] = mlutils
    return loaded[name]
  }
}
