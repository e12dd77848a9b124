import Language

/// The `h5py` module.
func makeH5pyModule() throws -> PyModule {
  // TODO: the h5py bindings are not written yet.
  PyModule("h5py")
}
