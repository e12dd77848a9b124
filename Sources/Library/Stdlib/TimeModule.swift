import Language

/// The `time` module.
func makeTimeModule() throws -> PyModule {
  // TODO: the time bindings are not written yet.
  PyModule("time")
}
