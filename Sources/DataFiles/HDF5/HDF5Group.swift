import CHDF5
import Foundation
import Tensors

/// A member of a group: a subgroup or a dataset.
public enum HDF5Node {
  case group(HDF5Group)
  case dataset(HDF5Dataset)
}

/// A group of an open file: the root `/` or a nested one like `/train`.
public final class HDF5Group {
  /// The file it lives in.
  public let file: HDF5File
  /// Its absolute path, which h5py calls `name`: `/` or `/train`.
  public let path: String

  /// Makes a handle for the group at `path`; no check is made here.
  init(file: HDF5File, path: String) {
    self.file = file
    self.path = path
  }

  /// The group's attributes.
  public var attributes: HDF5Attributes { HDF5Attributes(file: file, path: path) }

  /// The member names in h5py's order (by name).
  public func keys() throws -> [String] {
    try file.withOpenFile("group \"\(path)\"") { id in try Self.memberNames(id, path) }
  }

  /// Whether `name` (relative, nested or absolute) names a member.
  public func contains(_ name: String) throws -> Bool {
    try file.withOpenFile("group \"\(path)\"") { id in
      (try? locate(id, name)) != nil
    }
  }

  /// The member at `name` (`x`, `train/x`, `/train/x`), or KeyError
  /// listing what exists.
  public func node(_ name: String) throws -> HDF5Node {
    try file.withOpenFile("group \"\(path)\"") { id in
      let target = try locate(id, name)
      let object = H5Oopen(id, target, HDF5Library.defaultProperties)
      guard object >= 0 else {
        throw DataFileError(
          "OSError", HDF5Library.failure("Unable to open object '\(target)' in '\(file.path)'"))
      }
      let kind = H5Iget_type(object)
      H5Oclose(object)
      switch kind {
      case H5I_GROUP: return .group(HDF5Group(file: file, path: target))
      case H5I_DATASET: return .dataset(try HDF5Dataset(file: file, path: target, id: id))
      default:
        throw DataFileError(
          "TypeError", "'\(target)' in '\(file.path)' is neither a group nor a dataset")
      }
    }
  }

  /// The dataset at `name`, or KeyError / TypeError.
  public func dataset(_ name: String) throws -> HDF5Dataset {
    switch try node(name) {
    case .dataset(let dataset): return dataset
    case .group(let group):
      throw DataFileError(
        "TypeError", "'\(group.path)' in '\(file.path)' is a group, not a dataset")
    }
  }

  /// The group at `name`, or KeyError / TypeError.
  public func group(_ name: String) throws -> HDF5Group {
    switch try node(name) {
    case .group(let group): return group
    case .dataset(let dataset):
      throw DataFileError(
        "TypeError", "'\(dataset.path)' in '\(file.path)' is a dataset, not a group")
    }
  }

  /// Makes a new group (and any missing groups on the way, as h5py
  /// does); ValueError if the name is taken.
  @discardableResult
  public func createGroup(_ name: String) throws -> HDF5Group {
    try file.requireWritable("create group '\(name)'")
    return try file.withOpenFile("group \"\(path)\"") { id in
      let target = try prepareNewName(id, name, what: "group")
      let linkProperties = H5Pcreate(H5P_CLS_LINK_CREATE_ID_g)
      defer { H5Pclose(linkProperties) }
      _ = H5Pset_create_intermediate_group(linkProperties, 1)
      let group = H5Gcreate2(
        id, target, linkProperties, HDF5Library.defaultProperties,
        HDF5Library.defaultProperties)
      guard group >= 0 else {
        file.writeFailed = true
        throw DataFileError(
          "OSError",
          HDF5Library.failure("Unable to create group '\(target)' in '\(file.path)'"))
      }
      H5Gclose(group)
      return HDF5Group(file: file, path: target)
    }
  }

  /// The group at `name`, made if missing (h5py's `require_group`).
  public func requireGroup(_ name: String) throws -> HDF5Group {
    if try contains(name) { return try group(name) }
    return try createGroup(name)
  }

  /// Removes the member at `name` (`del group[name]`).
  public func delete(_ name: String) throws {
    try file.requireWritable("delete '\(name)'")
    try file.withOpenFile("group \"\(path)\"") { id in
      let target = try locate(id, name)
      guard H5Ldelete(id, target, HDF5Library.defaultProperties) >= 0 else {
        file.writeFailed = true
        throw DataFileError(
          "OSError", HDF5Library.failure("Unable to delete '\(target)' in '\(file.path)'"))
      }
    }
  }

  // MARK: Paths

  /// The absolute path `name` means from this group.
  func absolute(_ name: String) -> String {
    let base = name.hasPrefix("/") ? [] : components(path)
    let parts = base + components(name)
    return "/" + parts.joined(separator: "/")
  }

  private func components(_ text: String) -> [String] {
    text.split(separator: "/").map(String.init).filter { $0 != "." }
  }

  /// The absolute path of an existing member, or KeyError naming the
  /// first missing part and listing its siblings.
  func locate(_ id: hid_t, _ name: String) throws -> String {
    let target = absolute(name)
    var current = ""
    for part in components(target) {
      let parent = current.isEmpty ? "/" : current
      let next = current + "/" + part
      let exists = H5Lexists(id, next, HDF5Library.defaultProperties) > 0
      _ = H5Eclear2(HDF5Library.defaultList)
      guard exists else {
        let siblings = (try? Self.memberNames(id, parent)) ?? []
        let listed =
          siblings.isEmpty
          ? "it is empty" : "it holds " + siblings.map { "'\($0)'" }.joined(separator: ", ")
        let place = parent == "/" ? "'\(file.path)'" : "group '\(parent)' of '\(file.path)'"
        throw DataFileError(
          "KeyError", "Unable to open object '\(name)': no '\(part)' in \(place) (\(listed))")
      }
      if next != target {
        let object = H5Oopen(id, next, HDF5Library.defaultProperties)
        let isGroup = object >= 0 && H5Iget_type(object) == H5I_GROUP
        if object >= 0 { H5Oclose(object) }
        guard isGroup else {
          throw DataFileError(
            "KeyError",
            "Unable to open object '\(name)': '\(next)' in '\(file.path)' is a dataset,"
              + " not a group")
        }
      }
      current = next
    }
    return target
  }

  /// The absolute path for a new member, or ValueError when it exists or
  /// would have to be made inside a dataset.
  func prepareNewName(_ id: hid_t, _ name: String, what: String) throws -> String {
    let target = absolute(name)
    guard target != "/" else {
      throw DataFileError("ValueError", "a \(what) needs a name; '\(name)' is the root group")
    }
    var current = ""
    for part in components(target) {
      let next = current + "/" + part
      let exists = H5Lexists(id, next, HDF5Library.defaultProperties) > 0
      _ = H5Eclear2(HDF5Library.defaultList)
      guard exists else { break }
      if next == target {
        throw DataFileError(
          "ValueError",
          "Unable to create \(what) (name already exists): '\(target)' in '\(file.path)'")
      }
      let object = H5Oopen(id, next, HDF5Library.defaultProperties)
      let isGroup = object >= 0 && H5Iget_type(object) == H5I_GROUP
      if object >= 0 { H5Oclose(object) }
      guard isGroup else {
        throw DataFileError(
          "ValueError",
          "Unable to create \(what) '\(target)': '\(next)' in '\(file.path)' is a dataset")
      }
      current = next
    }
    return target
  }

  static func memberNames(_ id: hid_t, _ path: String) throws -> [String] {
    final class Names { var list: [String] = [] }
    let group = H5Gopen2(id, path, HDF5Library.defaultProperties)
    guard group >= 0 else {
      throw DataFileError("OSError", HDF5Library.failure("Unable to open group '\(path)'"))
    }
    defer { H5Gclose(group) }
    let names = Names()
    let visit: H5L_iterate_t = { _, name, _, data in
      guard let name, let data else { return 0 }
      Unmanaged<Names>.fromOpaque(data).takeUnretainedValue().list.append(String(cString: name))
      return 0
    }
    var index: hsize_t = 0
    let status = withExtendedLifetime(names) {
      H5Literate(
        group, H5_INDEX_NAME, H5_ITER_INC, &index, visit,
        Unmanaged.passUnretained(names).toOpaque())
    }
    guard status >= 0 else {
      throw DataFileError("OSError", HDF5Library.failure("Unable to list group '\(path)'"))
    }
    return names.list
  }
}
