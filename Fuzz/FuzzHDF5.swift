import DataFiles
import Foundation
import Language
import Library
import Support

/// A walk over every group, dataset and attribute of the file at `path`;
/// the errors a broken file raises are expected and caught. A damaged
/// file can link a group to itself many times over, so the walk stops
/// after a fixed number of items instead of growing exponentially.
private let walker = """
  import h5py
  visited = [0]
  def walk(group, depth):
      if depth > 8:
          return
      for key in list(group.keys()):
          visited[0] += 1
          if visited[0] > 400:
              return
          try:
              item = group[key]
              for name in list(item.attrs.keys()):
                  item.attrs[name]
              if hasattr(item, 'shape'):
                  item[()]
                  if item.ndim > 0 and item.shape[0] > 0:
                      item[0]
              else:
                  walk(item, depth + 1)
          except Exception:
              pass
  try:
      with h5py.File(path, 'r') as f:
          walk(f, 0)
  except Exception:
      pass
  """

private let path = NSTemporaryDirectory() + "fuzz-hdf5-\(getpid()).h5"

/// Probes each file with the release executable, when it is built, as a
/// session does: libhdf5's own crashes and hangs on a mutated file then end
/// in OSError, and what remains are crashes past the probe's reach. The
/// probe costs a process per input; MLSCRIPT_FUZZ_PROBE=0 fuzzes libhdf5
/// bare, many times faster, to find what the probe has to catch.
private let probing: Bool = {
  let executable = FileManager.default.currentDirectoryPath + "/.build/release/mlscript"
  guard ProcessInfo.processInfo.environment["MLSCRIPT_FUZZ_PROBE"] != "0",
    FileManager.default.isExecutableFile(atPath: executable)
  else { return false }
  HDF5Probe.enable(executable: executable, seconds: 5)
  return true
}()

/// Writes the bytes (mutated copies of the fixtures) to a file and reads
/// everything in it through h5py.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHDF5(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  _ = probing
  let bytes = Data(bytes: data, count: size)
  guard FileManager.default.createFile(atPath: path, contents: bytes) else { return 0 }

  Console.shared.redirect = { _ in }
  let interpreter = Interpreter(modules: BuiltinModules())
  interpreter.setGlobal("path", .string(path))
  do {
    _ = try interpreter.run(walker, origin: SourceOrigin(file: "<fuzz>"), display: .script)
  } catch {
    // A PyError escaping the walk is a finding only if it is not an
    // Exception; the program catches those.
    if let error = error as? PyError, error.type.name != "RecursionError" {
      print("escaped: \(error.type.name): \(error.message)")
    }
  }
  return 0
}
