import Language

/// The `tensorflow` module.
func makeTensorFlowModule() throws -> PyModule {
  // TODO: the tensorflow bindings are not written yet.
  PyModule("tensorflow")
}
