import DataFiles
import Language

/// The `h5py` module: HDF5 files on libhdf5 with h5py's surface.
func makeH5pyModule() throws -> PyModule {
  let module = PyModule("h5py", doc: "Read and write HDF5 files: h5py.File(name, mode).")
  module.define("__version__", .string("3.12.1"))
  module.define(
    "File",
    .object(
      TypeObject(
        name: "File", module: "h5py._hl.files",
        doc: "File(name, mode='r'): open an HDF5 file; modes r, r+, w, w-/x, a.",
        test: { $0.object(as: H5pyFile.self) != nil }, construct: openFile)))
  // A File is also its root Group, as in h5py, so both checks accept it.
  module.define(
    "Group",
    .object(
      TypeObject(
        name: "Group", module: "h5py._hl.group", doc: H5pyGroup.groupType.doc,
        test: { $0.object(as: H5pyGroup.self) != nil })))
  module.define(
    "Dataset",
    .object(
      TypeObject(
        name: "Dataset", module: "h5py._hl.dataset", doc: H5pyDataset.pyType.doc,
        test: { $0.object(as: H5pyDataset.self) != nil })))
  module.function("is_hdf5", doc: "is_hdf5(name): whether a file is an HDF5 file.") { args in
    let a = try args.bind("is_hdf5(name)")
    let path = try a.string("name")
    guard let file = try? HDF5File(path, mode: .read) else { return .bool(false) }
    file.discard()
    return .bool(true)
  }
  return module
}

/// `h5py.File(name, mode='r', ...)`: opens a file.
private func openFile(_ args: Arguments) throws -> Value {
  let a = try args.bind(
    "File(name, mode='r', driver=None, libver=None, userblock_size=None, swmr=False,"
      + " track_order=None, locking=None, **kwds)")
  let path = try a.string("name")
  let modeText = try a.string("mode", default: "r")
  guard let mode = HDF5Mode(h5py: modeText) else {
    throw PyError.valueError(
      "Invalid mode; must be one of r, r+, w, w-, x, a (got '\(modeText)')")
  }
  return .object(H5pyFile(try HDF5File(path, mode: mode)))
}

/// Closes every HDF5 file the program left open, so that files it wrote
/// move from their temporary names into place when it ends.
public func closeOpenDataFiles() {
  HDF5File.closeAllOpenFiles()
}

/// The hidden command-line flag that runs the executable as an HDF5 probe.
public let dataFileProbeFlag = HDF5Probe.flag

/// The hidden probe mode: walks the HDF5 file at `path` and returns the
/// exit status the parent process reads.
public func runDataFileProbe(_ path: String) -> Int32 {
  HDF5Probe.runChild(path)
}

/// Probes each HDF5 file in a child process running `executable` before
/// opening it, so that a file that crashes libhdf5 raises OSError instead.
public func probeDataFiles(executable: String) {
  HDF5Probe.enable(executable: executable)
}
