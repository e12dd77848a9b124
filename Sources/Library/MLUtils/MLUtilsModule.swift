import Language

/// The `mlutils` module.
func makeMLUtilsModule() throws -> PyModule {
  // TODO: the mlutils bindings are not written yet.
  PyModule("mlutils")
}
