import Synchronization

/// Python measures, indexes and slices strings by Unicode code point, where
/// Swift's `String` counts user-perceived characters; these helpers give
/// the code-point view (`len("e\u0301") == 2`).
extension String {
  /// The number of code points, as `len` counts them.
  var codePointCount: Int {
    // UTF-8 bytes and code points coincide for ASCII, the common case.
    let bytes = utf8.count
    if utf8.allSatisfy({ $0 < 0x80 }) { return bytes }
    return unicodeScalars.count
  }

  /// The code points, for indexing by position.
  var codePoints: [Unicode.Scalar] {
    // Short strings are cheaper to decode than to look up.
    guard utf8.count >= 64,
      let storage = utf8.withContiguousStorageIfAvailable({ $0.baseAddress })
    else { return Array(unicodeScalars) }
    return LastIndexedString.codePoints(of: self, storage: storage)
  }

  /// The string made of `scalars` in order.
  init<S: Sequence>(codePoints scalars: S) where S.Element == Unicode.Scalar {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    self.init(view)
  }
}

extension String {
  /// Whether `part` occurs in this string as a run of code points.
  func containsCodePoints(_ part: String) -> Bool {
    firstByteOffset(of: Array(part.utf8), in: Array(utf8), from: 0) != nil
  }

  /// How many times `part` occurs without overlapping, as `str.count` counts.
  func countCodePoints(of part: String) -> Int {
    byteOffsets(of: part, limit: -1).count
  }

  /// Where `needle` starts, as UTF-8 offsets of non-overlapping matches
  /// from the front, at most `limit` of them (all when negative). Matching
  /// bytes is matching code points, since UTF-8 is self-synchronizing;
  /// Swift's own searches match whole characters, which Python does not.
  func byteOffsets(of needle: String, limit: Int) -> [Int] {
    let pattern = Array(needle.utf8)
    let bytes = Array(utf8)
    var found: [Int] = []
    var offset = 0
    while limit < 0 || found.count < limit,
      let match = firstByteOffset(of: pattern, in: bytes, from: offset)
    {
      found.append(match)
      offset = match + max(pattern.count, 1)
      if offset > bytes.count { break }
    }
    return found
  }

  /// The UTF-8 offsets of non-overlapping matches of `needle` found from
  /// the back, at most `limit` (all when negative), last first.
  func byteOffsetsFromBack(of needle: String, limit: Int) -> [Int] {
    let pattern = Array(needle.utf8)
    let bytes = Array(utf8)
    var found: [Int] = []
    var end = bytes.count
    while limit < 0 || found.count < limit, end >= pattern.count, !pattern.isEmpty {
      var position = end - pattern.count
      while position >= 0 && !bytes[position..<(position + pattern.count)].elementsEqual(pattern) {
        position -= 1
      }
      guard position >= 0 else { break }
      found.append(position)
      end = position
    }
    return found
  }

  /// The text between UTF-8 offsets, which fall on code point boundaries.
  func bytes(_ range: Range<Int>) -> String {
    let view = utf8
    let start = view.index(view.startIndex, offsetBy: range.lowerBound)
    let end = view.index(start, offsetBy: range.count)
    return String(decoding: view[start..<end], as: UTF8.self)
  }

  /// The pieces between the first `limit` occurrences of `separator`
  /// (from the back when `fromBack`), in order.
  func pieces(separatedBy separator: String, limit: Int, fromBack: Bool = false) -> [String] {
    let length = separator.utf8.count
    var offsets =
      fromBack
      ? byteOffsetsFromBack(of: separator, limit: limit).reversed()
      : byteOffsets(of: separator, limit: limit)
    if separator.isEmpty { offsets = [] }
    var result: [String] = []
    var start = 0
    for offset in offsets {
      result.append(bytes(start..<offset))
      start = offset + length
    }
    result.append(bytes(start..<utf8.count))
    return result
  }

  /// Whether the code points of `prefix` begin this string.
  func hasCodePointPrefix(_ prefix: String) -> Bool { utf8.starts(with: prefix.utf8) }

  /// Whether the code points of `suffix` end this string.
  func hasCodePointSuffix(_ suffix: String) -> Bool {
    utf8.count >= suffix.utf8.count && utf8.reversed().starts(with: suffix.utf8.reversed())
  }
}

private func firstByteOffset(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
  guard !needle.isEmpty else { return start <= haystack.count ? start : nil }
  guard haystack.count - start >= needle.count else { return nil }
  let first = needle[0]
  for position in start...(haystack.count - needle.count) where haystack[position] == first {
    if haystack[position..<(position + needle.count)].elementsEqual(needle) { return position }
  }
  return nil
}

extension String {
  /// Whether both strings hold the same code points; Swift's `==` also
  /// equates canonically equivalent strings (`"\u{E9}"` and `"e\u{301}"`),
  /// which Python keeps apart.
  func hasSameCodePoints(as other: String) -> Bool {
    utf8.count == other.utf8.count && utf8.elementsEqual(other.utf8)
  }
}

/// A string as a dict key, equal only to the same code points.
struct StringKey: Hashable {
  /// The string.
  var text: String

  static func == (a: StringKey, b: StringKey) -> Bool { a.text.hasSameCodePoints(as: b.text) }

  func hash(into hasher: inout Hasher) {
    var bytes = text
    bytes.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }
}

/// The code points of the long string indexed last. A loop such as
/// `for i in range(len(s)): s[i]` indexes one string many times; decoding
/// it each time made the loop quadratic. The entry holds its string, so
/// the storage address that identifies it cannot be reused by another.
private enum LastIndexedString {
  private struct Entry {
    var text: String
    var storage: UnsafePointer<UInt8>?
    var scalars: [Unicode.Scalar]
  }

  private static let entry = Mutex<Entry?>(nil)

  static func codePoints(of text: String, storage: UnsafePointer<UInt8>?) -> [Unicode.Scalar] {
    let count = text.utf8.count
    if let hit = entry.withLock({ entry -> [Unicode.Scalar]? in
      guard let entry, entry.storage == storage, entry.text.utf8.count == count else {
        return nil
      }
      return entry.scalars
    }) {
      return hit
    }
    let scalars = Array(text.unicodeScalars)
    entry.withLock { $0 = Entry(text: text, storage: storage, scalars: scalars) }
    return scalars
  }
}
