import Language

/// The `matplotlib` module, whose `pyplot` draws figures as text.
func makeMatplotlibModule() throws -> PyModule {
  let module = PyModule("matplotlib", doc: "Plotting, drawn in the terminal.")
  module.defineLazily("pyplot") { .object(Pyplot.makeModule()) }
  module.defineLazily("cm") { .object(Pyplot.colormapModule()) }
  module.function("use") { _ in .none }
  module.define("__version__", .string("3.10.0"))
  return module
}
