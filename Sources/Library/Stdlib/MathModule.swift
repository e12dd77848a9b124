import Language

/// The `math` module.
func makeMathModule() throws -> PyModule {
  // TODO: the math bindings are not written yet.
  PyModule("math")
}
