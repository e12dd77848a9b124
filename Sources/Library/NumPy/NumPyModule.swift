import Language

/// The `numpy` module.
func makeNumPyModule() throws -> PyModule {
  // TODO: the numpy bindings are not written yet.
  PyModule("numpy")
}
