import CHDF5
import Foundation
import Tensors

/// The contents of a dataset or attribute: numbers as an array, strings
/// as a row-major list with the shape they had in the file.
public enum HDF5Data {
  /// Numeric or boolean contents.
  case array(NDArray)
  /// String contents; `shape` is `[]` for a single string.
  case strings([String], shape: [Int])

  /// The array, or TypeError naming `what` when it holds strings.
  public func asArray(_ what: String) throws -> NDArray {
    switch self {
    case .array(let array): return array
    case .strings:
      throw DataFileError(
        "TypeError", "\(what) holds strings, not numbers; read it as a list of str")
    }
  }
}

/// Reading and writing elements of any supported type; shared by
/// datasets (which select a hyperslab) and attributes (which do not).
enum HDF5Elements {
  /// Reads `shape` elements of `type` through `read`, which receives a
  /// memory type and a buffer and returns the library's status.
  static func read(
    _ type: HDF5DataType, fileType: hid_t, shape: [Int], what: String,
    reclaimSpace: () -> hid_t,
    _ read: (hid_t, UnsafeMutableRawPointer) -> herr_t
  ) throws -> HDF5Data {
    switch type.kind {
    case .fixedString, .variableString:
      return try readStrings(
        type, fileType: fileType, shape: shape, what: what, reclaimSpace: reclaimSpace,
        read)
    case .unsupported(let name):
      throw DataFileError(
        "TypeError", "\(what) holds \(name) elements, which mlscript cannot read")
    default:
      break
    }
    guard let dtype = type.arrayDType else {
      throw DataFileError("TypeError", "\(what) has an unreadable element type")
    }
    let result = try NDArray(zeros: shape, dtype: dtype)
    guard result.count > 0 else { return .array(result) }
    let memoryType = type.memoryType()
    guard memoryType >= 0 else {
      throw DataFileError("OSError", HDF5Library.failure("Unable to read \(what)"))
    }
    defer { H5Tclose(memoryType) }
    // The library decompresses and converts straight into the array's
    // storage, so a read needs no second copy of the data.
    guard read(memoryType, result.storage.bytes) >= 0 else {
      throw DataFileError("OSError", HDF5Library.failure("Unable to read \(what)"))
    }
    if dtype == .bool {
      // Only 0 and 1 are valid Bool bytes; any other stored value is true.
      let bytes = result.storage.bytes.assumingMemoryBound(to: UInt8.self)
      for index in 0..<result.count where bytes[index] > 1 { bytes[index] = 1 }
    }
    return .array(result)
  }

  private static func readStrings(
    _ type: HDF5DataType, fileType: hid_t, shape: [Int], what: String,
    reclaimSpace: () -> hid_t,
    _ read: (hid_t, UnsafeMutableRawPointer) -> herr_t
  ) throws -> HDF5Data {
    let count = try countOf(shape, what: what)
    guard count > 0 else { return .strings([], shape: shape) }
    let memoryType = H5Tcopy(fileType)
    guard memoryType >= 0 else {
      throw DataFileError("OSError", HDF5Library.failure("Unable to read \(what)"))
    }
    defer { H5Tclose(memoryType) }
    if type.kind == .variableString {
      guard count <= Storage.allocationLimit / MemoryLayout<UnsafeRawPointer>.size else {
        throw DataFileError("MemoryError", "\(what) is too large to read")
      }
      var pointers = [UnsafeMutablePointer<CChar>?](repeating: nil, count: count)
      let status = pointers.withUnsafeMutableBytes { buffer -> herr_t in
        guard let base = buffer.baseAddress else { return -1 }
        return read(memoryType, base)
      }
      guard status >= 0 else {
        throw DataFileError("OSError", HDF5Library.failure("Unable to read \(what)"))
      }
      let strings = pointers.map { pointer in pointer.map { String(cString: $0) } ?? "" }
      let space = reclaimSpace()
      if space >= 0 {
        _ = pointers.withUnsafeMutableBytes {
          H5Dvlen_reclaim(memoryType, space, HDF5Library.defaultProperties, $0.baseAddress)
        }
        H5Sclose(space)
      }
      return .strings(strings, shape: shape)
    }
    let width = max(type.size, 1)
    let (total, overflow) = count.multipliedReportingOverflow(by: width)
    guard !overflow, total <= Storage.allocationLimit else {
      throw DataFileError("MemoryError", "\(what) is too large to read")
    }
    var bytes = [UInt8](repeating: 0, count: total)
    let status = bytes.withUnsafeMutableBytes { buffer -> herr_t in
      guard let base = buffer.baseAddress else { return -1 }
      return read(memoryType, base)
    }
    guard status >= 0 else {
      throw DataFileError("OSError", HDF5Library.failure("Unable to read \(what)"))
    }
    let spacePadded = H5Tget_strpad(fileType) == H5T_STR_SPACEPAD
    var strings: [String] = []
    strings.reserveCapacity(count)
    for index in 0..<count {
      var field = bytes[(index * width)..<((index + 1) * width)]
      if let end = field.firstIndex(of: 0) { field = field[..<end] }
      if spacePadded {
        while field.last == 0x20 { field = field.dropLast() }
      }
      strings.append(String(decoding: field, as: UTF8.self))
    }
    return .strings(strings, shape: shape)
  }

  /// The element count of `shape`, or MemoryError when it overflows.
  static func countOf(_ shape: [Int], what: String) throws -> Int {
    var count = 1
    for length in shape {
      let (product, overflow) = count.multipliedReportingOverflow(by: max(length, 0))
      guard !overflow else {
        throw DataFileError("MemoryError", "\(what) is too large to read")
      }
      count = product
    }
    return count
  }

  /// Calls `body` with a memory type and a buffer holding `data` as the
  /// library wants it written.
  static func withWritable<T>(
    _ data: HDF5Data, _ body: (hid_t, UnsafeRawPointer) throws -> T
  ) throws -> T {
    switch data {
    case .array(let array):
      let contiguous = try array.contiguous()
      let memoryType = HDF5DataType(writing: contiguous.dtype).memoryType()
      guard memoryType >= 0 else {
        throw DataFileError("OSError", HDF5Library.failure("Unable to write data"))
      }
      defer { H5Tclose(memoryType) }
      return try withExtendedLifetime(contiguous) {
        let start = contiguous.storage.bytes.advanced(
          by: contiguous.offset * contiguous.dtype.itemSize)
        return try body(memoryType, UnsafeRawPointer(start))
      }
    case .strings(let strings, _):
      let memoryType = HDF5DataType.variableStringType()
      guard memoryType >= 0 else {
        throw DataFileError("OSError", HDF5Library.failure("Unable to write strings"))
      }
      defer { H5Tclose(memoryType) }
      let copies: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
      defer { copies.forEach { free($0) } }
      return try copies.withUnsafeBytes { buffer in
        // An empty list still needs a valid pointer for the library.
        var placeholder: UnsafeMutablePointer<CChar>? = nil
        guard let base = buffer.baseAddress else {
          return try withUnsafePointer(to: &placeholder) { try body(memoryType, $0) }
        }
        return try body(memoryType, base)
      }
    }
  }

  /// A new file type for `data`; the caller closes it.
  static func fileType(for data: HDF5Data) -> hid_t {
    switch data {
    case .array(let array): return HDF5DataType.fileType(for: array.dtype)
    case .strings: return HDF5DataType.variableStringType()
    }
  }

  /// The shape `data` has.
  static func shape(of data: HDF5Data) -> [Int] {
    switch data {
    case .array(let array): return array.shape
    case .strings(_, let shape): return shape
    }
  }

  /// A new dataspace for `shape` (scalar for `[]`); the caller closes it.
  static func dataspace(_ shape: [Int]) -> hid_t {
    if shape.isEmpty { return H5Screate(H5S_SCALAR) }
    let dims = shape.map { hsize_t(max($0, 0)) }
    return H5Screate_simple(Int32(dims.count), dims, nil)
  }

  /// The shape of an open dataspace, or OSError for shapes that do not
  /// fit an Int.
  static func shape(ofSpace space: hid_t, what: String) throws -> [Int] {
    let rank = H5Sget_simple_extent_ndims(space)
    guard rank >= 0 else {
      throw DataFileError("OSError", HDF5Library.failure("Unable to read the shape of \(what)"))
    }
    guard rank > 0 else { return [] }
    var dims = [hsize_t](repeating: 0, count: Int(rank))
    var limits = [hsize_t](repeating: 0, count: Int(rank))
    guard H5Sget_simple_extent_dims(space, &dims, &limits) >= 0 else {
      throw DataFileError("OSError", HDF5Library.failure("Unable to read the shape of \(what)"))
    }
    // A length beyond the stored maximum only happens in a damaged file.
    let unlimited = hsize_t.max
    for (length, limit) in zip(dims, limits) where limit != unlimited && length > limit {
      throw DataFileError(
        "OSError",
        "\(what) is damaged: an axis of length \(length) exceeds its maximum \(limit)")
    }
    return try dims.map { length in
      guard let value = Int(exactly: length) else {
        throw DataFileError("OSError", "\(what) has a length too large for this machine")
      }
      return value
    }
  }
}
