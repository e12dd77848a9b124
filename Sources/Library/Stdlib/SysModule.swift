import Language

/// The `sys` module: the parts lessons reach for (`sys.exit`, `sys.argv`,
/// `sys.version`).
func makeSysModule(arguments: [String]) throws -> PyModule {
  let module = PyModule("sys", doc: "System details, as Python's sys module.")
  module.function("exit", doc: "exit(status=None): leave the program with this status.") {
    args in
    let code = try args.bind("exit(status=None)")["status"] ?? .none
    throw PyError(.systemExit, code.isNone ? "" : try code.str())
  }
  module.define("argv", .list(arguments.map { .string($0) }))
  module.define("version", .string("mlscript \(kerasRuntimeVersion)"))
  module.define("platform", .string("linux"))
  module.define("maxsize", .int(Int.max))
  return module
}
