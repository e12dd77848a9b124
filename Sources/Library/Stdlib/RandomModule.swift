import Language

/// The `random` module.
func makeRandomModule() throws -> PyModule {
  // TODO: the random bindings are not written yet.
  PyModule("random")
}
