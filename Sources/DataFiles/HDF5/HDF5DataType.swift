import CHDF5
import Tensors

/// What an HDF5 dataset or attribute holds per element, as NumPy would
/// name it, and which array dtype reading it gives.
public struct HDF5DataType: Sendable, Equatable {
  /// The family of an element type.
  public enum Kind: Sendable, Equatable {
    case float
    case signedInteger
    case unsignedInteger
    /// h5py's booleans: an 8-bit enum with members FALSE and TRUE.
    case bool
    /// Byte strings of a fixed length.
    case fixedString
    /// Strings of any length (h5py's `str` data).
    case variableString
    /// A type mlscript cannot read, with the HDF5 class name.
    case unsupported(String)
  }

  /// The family.
  public var kind: Kind
  /// Bytes per element in the file (for variable strings, a pointer).
  public var size: Int
  /// Whether the file stores it most significant byte first.
  public var isBigEndian: Bool

  /// Makes a description.
  public init(kind: Kind, size: Int, isBigEndian: Bool = false) {
    self.kind = kind
    self.size = size
    self.isBigEndian = isBigEndian
  }

  /// The array dtype a read gives: float16 widens to float32, narrow
  /// integers widen to the nearest dtype mlscript has (every value stays
  /// exact); nil for strings.
  // TODO: NumPy would keep int8, int16, uint16 and float16 arrays in their
  // own dtypes; the runtime has none of them, so only `dtype` of the
  // dataset reports the file's type while the arrays read are wider.
  public var arrayDType: DType? {
    switch kind {
    case .float: return size <= 4 ? .float32 : .float64
    case .signedInteger: return size <= 4 ? .int32 : .int64
    case .unsignedInteger:
      // TODO: uint64 values above Int64.max saturate; there is no uint64 dtype.
      if size == 1 { return .uint8 }
      return size == 2 ? .int32 : .int64
    case .bool: return .bool
    case .fixedString, .variableString, .unsupported: return nil
    }
  }

  /// NumPy's array-protocol string for it, as h5py's reprs show:
  /// `<f8`, `>i4`, `|u1`, `|b1`, `|S6`, `|O`.
  public var descriptor: String {
    let order = size == 1 ? "|" : (isBigEndian ? ">" : "<")
    switch kind {
    case .float: return "\(order)f\(size)"
    case .signedInteger: return "\(order)i\(size)"
    case .unsignedInteger: return "\(order)u\(size)"
    case .bool: return "|b1"
    case .fixedString: return "|S\(size)"
    case .variableString: return "|O"
    case .unsupported(let name): return name
    }
  }

  /// `str(dtype)` as NumPy prints it: `float64`, `>i4`, `|S6`, `object`.
  public var name: String {
    switch kind {
    case .bool: return "bool"
    case .fixedString: return "|S\(size)"
    case .variableString: return "object"
    case .unsupported(let name): return name
    case .float, .signedInteger, .unsignedInteger:
      if isBigEndian && size > 1 { return descriptor }
      let bits = size * 8
      switch kind {
      case .float: return "float\(bits)"
      case .signedInteger: return "int\(bits)"
      default: return "uint\(bits)"
      }
    }
  }

  /// The type of arrays of `dtype` as mlscript writes them (little-endian,
  /// booleans as h5py's enum).
  public init(writing dtype: DType) {
    switch dtype {
    case .bool: self.init(kind: .bool, size: 1)
    case .uint8: self.init(kind: .unsignedInteger, size: 1)
    case .int32: self.init(kind: .signedInteger, size: 4)
    case .int64: self.init(kind: .signedInteger, size: 8)
    case .float32: self.init(kind: .float, size: 4)
    case .float64: self.init(kind: .float, size: 8)
    }
  }

  /// Describes an open HDF5 datatype.
  static func describe(_ type: hid_t) -> HDF5DataType {
    let size = H5Tget_size(type)
    let bigEndian = H5Tget_order(type) == H5T_ORDER_BE
    let typeClass = H5Tget_class(type)
    if typeClass == H5T_FLOAT {
      return HDF5DataType(kind: .float, size: size, isBigEndian: bigEndian)
    }
    if typeClass == H5T_INTEGER {
      let signed = H5Tget_sign(type) != H5T_SGN_NONE
      return HDF5DataType(
        kind: signed ? .signedInteger : .unsignedInteger, size: size,
        isBigEndian: bigEndian)
    }
    if typeClass == H5T_STRING {
      let variable = H5Tis_variable_str(type) > 0
      return HDF5DataType(kind: variable ? .variableString : .fixedString, size: size)
    }
    if typeClass == H5T_ENUM && isBooleanEnum(type) {
      return HDF5DataType(kind: .bool, size: 1)
    }
    return HDF5DataType(kind: .unsupported(className(typeClass)), size: size)
  }

  private static func isBooleanEnum(_ type: hid_t) -> Bool {
    guard H5Tget_size(type) == 1, H5Tget_nmembers(type) == 2 else { return false }
    var names: [String] = []
    for index in 0..<2 {
      guard let raw = H5Tget_member_name(type, UInt32(index)) else { return false }
      names.append(String(cString: raw))
      H5free_memory(raw)
    }
    return names == ["FALSE", "TRUE"]
  }

  private static func className(_ typeClass: H5T_class_t) -> String {
    switch typeClass {
    case H5T_TIME: return "time"
    case H5T_BITFIELD: return "bitfield"
    case H5T_OPAQUE: return "opaque"
    case H5T_COMPOUND: return "compound"
    case H5T_REFERENCE: return "reference"
    case H5T_ENUM: return "enum"
    case H5T_VLEN: return "vlen"
    case H5T_ARRAY: return "array"
    default: return "unknown"
    }
  }

  /// A new memory type for reading elements of this type into an array of
  /// `arrayDType`, or for writing such an array; the caller closes it.
  func memoryType() -> hid_t {
    switch arrayDType {
    case .bool: return Self.booleanType(H5T_NATIVE_INT8_g)
    case .uint8: return H5Tcopy(H5T_NATIVE_UINT8_g)
    case .int32: return H5Tcopy(H5T_NATIVE_INT32_g)
    case .int64: return H5Tcopy(H5T_NATIVE_INT64_g)
    case .float32: return H5Tcopy(H5T_NATIVE_FLOAT_g)
    case .float64: return H5Tcopy(H5T_NATIVE_DOUBLE_g)
    case nil: return -1
    }
  }

  /// A new file type for writing arrays of `dtype`; the caller closes it.
  static func fileType(for dtype: DType) -> hid_t {
    switch dtype {
    case .bool: return booleanType(H5T_STD_I8LE_g)
    case .uint8: return H5Tcopy(H5T_STD_U8LE_g)
    case .int32: return H5Tcopy(H5T_STD_I32LE_g)
    case .int64: return H5Tcopy(H5T_STD_I64LE_g)
    case .float32: return H5Tcopy(H5T_IEEE_F32LE_g)
    case .float64: return H5Tcopy(H5T_IEEE_F64LE_g)
    }
  }

  /// A variable-length UTF-8 string type, as h5py writes `str`.
  static func variableStringType() -> hid_t {
    let type = H5Tcopy(H5T_C_S1_g)
    guard type >= 0 else { return type }
    _ = H5Tset_size(type, HDF5Library.variableSize)
    _ = H5Tset_cset(type, H5T_CSET_UTF8)
    return type
  }

  private static func booleanType(_ base: hid_t) -> hid_t {
    let type = H5Tenum_create(base)
    guard type >= 0 else { return type }
    var no: Int8 = 0
    var yes: Int8 = 1
    _ = H5Tenum_insert(type, "FALSE", &no)
    _ = H5Tenum_insert(type, "TRUE", &yes)
    return type
  }
}
