import Language

/// The `matplotlib` module.
func makeMatplotlibModule() throws -> PyModule {
  // TODO: the matplotlib bindings are not written yet.
  PyModule("matplotlib")
}
