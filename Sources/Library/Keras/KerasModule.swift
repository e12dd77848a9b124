import Language

/// The `keras` module.
func makeKerasModule() throws -> PyModule {
  // TODO: the keras bindings are not written yet.
  PyModule("keras")
}
