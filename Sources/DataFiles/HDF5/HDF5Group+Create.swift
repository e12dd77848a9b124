import CHDF5
import Foundation
import Tensors

/// How a new dataset is laid out on disk.
public struct HDF5StorageOptions: Sendable {
  /// The chunk shape; nil lets compression pick one, else contiguous.
  public var chunks: [Int]?
  /// The gzip level 0...9, or nil for no compression.
  public var gzipLevel: Int?
  /// Whether to byte-shuffle before compressing (helps gzip on numbers).
  public var shuffle: Bool
  /// Whether to chunk with a guessed shape even without compression.
  public var autoChunks: Bool

  /// Makes options; the defaults store the data contiguously, uncompressed.
  public init(
    chunks: [Int]? = nil, gzipLevel: Int? = nil, shuffle: Bool = false, autoChunks: Bool = false
  ) {
    self.chunks = chunks
    self.gzipLevel = gzipLevel
    self.shuffle = shuffle
    self.autoChunks = autoChunks
  }
}

extension HDF5Group {
  /// Makes a dataset holding `data` (numbers or strings).
  @discardableResult
  public func createDataset(
    _ name: String, data: HDF5Data, options: HDF5StorageOptions = HDF5StorageOptions()
  ) throws -> HDF5Dataset {
    try create(name, shape: HDF5Elements.shape(of: data), data: data, options: options) {
      HDF5Elements.fileType(for: data)
    }
  }

  /// Makes a dataset holding an array.
  @discardableResult
  public func createDataset(
    _ name: String, array: NDArray, options: HDF5StorageOptions = HDF5StorageOptions()
  ) throws -> HDF5Dataset {
    try createDataset(name, data: .array(array), options: options)
  }

  /// Makes a dataset of `shape` and `dtype` filled with zeros.
  @discardableResult
  public func createDataset(
    _ name: String, shape: [Int], dtype: DType,
    options: HDF5StorageOptions = HDF5StorageOptions()
  ) throws -> HDF5Dataset {
    _ = try NDArray.elementCount(shape, dtype: dtype)
    return try create(name, shape: shape, data: nil, options: options) {
      HDF5DataType.fileType(for: dtype)
    }
  }

  private func create(
    _ name: String, shape: [Int], data: HDF5Data?, options: HDF5StorageOptions,
    fileType makeType: () -> hid_t
  ) throws -> HDF5Dataset {
    try file.requireWritable("create dataset '\(name)'")
    if let level = options.gzipLevel, !(0...9).contains(level) {
      throw DataFileError("ValueError", "GZIP setting must be an integer from 0-9, not \(level)")
    }
    let wantsChunks =
      options.chunks != nil || options.gzipLevel != nil || options.shuffle || options.autoChunks
    if wantsChunks && shape.isEmpty {
      throw DataFileError("TypeError", "Scalar datasets don't support chunk/filter options")
    }
    if let chunks = options.chunks {
      guard chunks.count == shape.count, chunks.allSatisfy({ $0 > 0 }) else {
        throw DataFileError(
          "ValueError",
          "Chunk shape must have one positive length per axis of \(formatShape(shape)),"
            + " not \(formatShape(chunks))")
      }
    }
    return try file.withOpenFile("group \"\(path)\"") { id in
      let target = try prepareNewName(id, name, what: "dataset")
      let type = makeType()
      let space = HDF5Elements.dataspace(shape)
      let creation = H5Pcreate(H5P_CLS_DATASET_CREATE_ID_g)
      let linkProperties = H5Pcreate(H5P_CLS_LINK_CREATE_ID_g)
      defer {
        for (handle, close) in [
          (type, H5Tclose), (space, H5Sclose), (creation, H5Pclose), (linkProperties, H5Pclose),
        ] where handle >= 0 {
          _ = close(handle)
        }
      }
      guard type >= 0, space >= 0, creation >= 0, linkProperties >= 0 else {
        throw DataFileError("OSError", HDF5Library.failure("Unable to create dataset '\(target)'"))
      }
      _ = H5Pset_create_intermediate_group(linkProperties, 1)
      // An axis of length 0 cannot be chunked without a resizable shape.
      if wantsChunks && !shape.contains(0) {
        let itemSize = max(H5Tget_size(type), 1)
        let chunks =
          options.chunks.map { zip($0, shape).map { min($0, $1) } }
          ?? Self.guessChunks(shape, itemSize: itemSize)
        _ = H5Pset_chunk(creation, Int32(chunks.count), chunks.map { hsize_t($0) })
        if options.shuffle { _ = H5Pset_shuffle(creation) }
        if let level = options.gzipLevel { _ = H5Pset_deflate(creation, UInt32(level)) }
      }
      let dataset = H5Dcreate2(
        id, target, type, space, linkProperties, creation, HDF5Library.defaultProperties)
      guard dataset >= 0 else {
        file.writeFailed = true
        throw DataFileError(
          "OSError",
          HDF5Library.failure("Unable to create dataset '\(target)' in '\(file.path)'"))
      }
      defer { H5Dclose(dataset) }
      if let data, HDF5Elements.shape(of: data).reduce(1, *) > 0 {
        let status = try HDF5Elements.withWritable(data) { memoryType, buffer in
          H5Dwrite(
            dataset, memoryType, HDF5Library.allSelection, HDF5Library.allSelection,
            HDF5Library.defaultProperties, buffer)
        }
        guard status >= 0 else {
          file.writeFailed = true
          throw DataFileError(
            "OSError",
            HDF5Library.failure("Unable to write dataset '\(target)' in '\(file.path)'"))
        }
      }
      return try HDF5Dataset(file: file, path: target, id: id)
    }
  }

  /// A chunk shape of at most about 1 MiB: the dataset's shape with its
  /// axes halved in turn, as h5py's guess does.
  static func guessChunks(_ shape: [Int], itemSize: Int) -> [Int] {
    var chunks = shape.map { max($0, 1) }
    let target = 1 << 20
    var axis = 0
    while true {
      var bytes = itemSize
      for length in chunks {
        let (product, overflow) = bytes.multipliedReportingOverflow(by: length)
        bytes = overflow ? Int.max : product
      }
      if bytes <= target || chunks.allSatisfy({ $0 == 1 }) { break }
      if chunks[axis % chunks.count] > 1 {
        chunks[axis % chunks.count] = (chunks[axis % chunks.count] + 1) / 2
      }
      axis += 1
    }
    return chunks
  }
}
