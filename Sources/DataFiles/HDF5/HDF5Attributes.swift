import CHDF5
import Foundation
import Tensors

/// The attributes of a group or dataset (h5py's `.attrs`): small named
/// values such as numbers, strings and arrays.
public struct HDF5Attributes {
  /// The file the owner lives in.
  public let file: HDF5File
  /// The owner's absolute path.
  public let path: String

  /// The attribute names, by name as h5py lists them.
  public func keys() throws -> [String] {
    final class Names { var list: [String] = [] }
    return try file.withOpenFile("attributes of '\(path)'") { id in
      let names = Names()
      let visit: H5A_operator2_t = { _, name, _, data in
        guard let name, let data else { return 0 }
        Unmanaged<Names>.fromOpaque(data).takeUnretainedValue().list.append(
          String(cString: name))
        return 0
      }
      var index: hsize_t = 0
      let status = withExtendedLifetime(names) {
        H5Aiterate_by_name(
          id, path, H5_INDEX_NAME, H5_ITER_INC, &index, visit,
          Unmanaged.passUnretained(names).toOpaque(), HDF5Library.defaultProperties)
      }
      guard status >= 0 else {
        throw DataFileError(
          "OSError", HDF5Library.failure("Unable to list the attributes of '\(path)'"))
      }
      return names.list
    }
  }

  /// Whether an attribute called `name` exists.
  public func contains(_ name: String) throws -> Bool {
    try file.withOpenFile("attributes of '\(path)'") { id in
      H5Aexists_by_name(id, path, name, HDF5Library.defaultProperties) > 0
    }
  }

  /// The attribute's value, or KeyError listing the names that exist.
  public func get(_ name: String) throws -> HDF5Data {
    let existing = try keys()
    guard existing.contains(name) else {
      let listed =
        existing.isEmpty
        ? "it has none" : "it has " + existing.map { "'\($0)'" }.joined(separator: ", ")
      throw DataFileError(
        "KeyError", "Can't open attribute '\(name)' of '\(path)' in '\(file.path)' (\(listed))")
    }
    let what = "attribute '\(name)' of '\(path)'"
    return try file.withOpenFile(what) { id in
      let attribute = H5Aopen_by_name(
        id, path, name, HDF5Library.defaultProperties, HDF5Library.defaultProperties)
      guard attribute >= 0 else {
        throw DataFileError("OSError", HDF5Library.failure("Unable to open \(what)"))
      }
      defer { H5Aclose(attribute) }
      let fileType = H5Aget_type(attribute)
      let space = H5Aget_space(attribute)
      defer {
        if fileType >= 0 { H5Tclose(fileType) }
        if space >= 0 { H5Sclose(space) }
      }
      guard fileType >= 0, space >= 0 else {
        throw DataFileError("OSError", HDF5Library.failure("Unable to read \(what)"))
      }
      if H5Sget_simple_extent_type(space) == H5S_NULL {
        return .array(try NDArray(zeros: [0], dtype: .float64))
      }
      let shape = try HDF5Elements.shape(ofSpace: space, what: what)
      return try HDF5Elements.read(
        HDF5DataType.describe(fileType), fileType: fileType, shape: shape, what: what,
        reclaimSpace: { H5Scopy(space) }
      ) { memoryType, buffer in
        H5Aread(attribute, memoryType, buffer)
      }
    }
  }

  /// Sets an attribute, replacing any old one of that name.
  public func set(_ name: String, _ value: HDF5Data) throws {
    try file.requireWritable("set attribute '\(name)'")
    let what = "attribute '\(name)' of '\(path)'"
    try file.withOpenFile(what) { id in
      if H5Aexists_by_name(id, path, name, HDF5Library.defaultProperties) > 0 {
        guard H5Adelete_by_name(id, path, name, HDF5Library.defaultProperties) >= 0 else {
          file.writeFailed = true
          throw DataFileError("OSError", HDF5Library.failure("Unable to replace \(what)"))
        }
      }
      let fileType = HDF5Elements.fileType(for: value)
      let space = HDF5Elements.dataspace(HDF5Elements.shape(of: value))
      defer {
        if fileType >= 0 { H5Tclose(fileType) }
        if space >= 0 { H5Sclose(space) }
      }
      let attribute = H5Acreate_by_name(
        id, path, name, fileType, space, HDF5Library.defaultProperties,
        HDF5Library.defaultProperties, HDF5Library.defaultProperties)
      guard attribute >= 0 else {
        file.writeFailed = true
        throw DataFileError("OSError", HDF5Library.failure("Unable to create \(what)"))
      }
      defer { H5Aclose(attribute) }
      let status = try HDF5Elements.withWritable(value) { memoryType, buffer in
        H5Awrite(attribute, memoryType, buffer)
      }
      guard status >= 0 else {
        file.writeFailed = true
        throw DataFileError("OSError", HDF5Library.failure("Unable to write \(what)"))
      }
    }
  }

  /// Sets a string attribute.
  public func set(_ name: String, string: String) throws {
    try set(name, .strings([string], shape: []))
  }

  /// Removes an attribute, or KeyError when there is none.
  public func delete(_ name: String) throws {
    try file.requireWritable("delete attribute '\(name)'")
    guard try contains(name) else {
      throw DataFileError(
        "KeyError", "Can't delete attribute '\(name)' of '\(path)': no such attribute")
    }
    try file.withOpenFile("attributes of '\(path)'") { id in
      guard H5Adelete_by_name(id, path, name, HDF5Library.defaultProperties) >= 0 else {
        file.writeFailed = true
        throw DataFileError(
          "OSError", HDF5Library.failure("Unable to delete attribute '\(name)' of '\(path)'"))
      }
    }
  }
}
