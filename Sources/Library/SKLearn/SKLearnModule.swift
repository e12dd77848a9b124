import Language

/// The `sklearn` module.
func makeSKLearnModule() throws -> PyModule {
  // TODO: the sklearn bindings are not written yet.
  PyModule("sklearn")
}
