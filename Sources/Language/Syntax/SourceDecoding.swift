/// Program text read from bytes, which must be UTF-8 as Python requires.
public enum SourceDecoding {
  /// The text of `bytes`, or a SyntaxError at the first byte that is not
  /// part of a valid UTF-8 sequence.
  public static func decode(_ bytes: [UInt8], origin: SourceOrigin) throws -> String {
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    guard let (offset, reason) = firstInvalidByte(bytes) else {
      return String(decoding: bytes, as: UTF8.self)
    }

    // The location counts characters, as the rest of the parser does; the
    // byte position is counted inside the line, where the reader looks.
    var line = 1
    var lineStart = 0
    for index in 0..<offset where bytes[index] == 0x0A {
      line += 1
      lineStart = index + 1
    }
    let before = String(decoding: bytes[lineStart..<offset], as: UTF8.self)
    let column = before.unicodeScalars.count + 1
    let hex = String(bytes[offset], radix: 16)
    let byte = hex.count == 1 ? "0x0" + hex : "0x" + hex
    throw syntaxError(
      "(unicode error) 'utf-8' codec can't decode byte \(byte) in position "
        + "\(offset - lineStart): \(reason)",
      origin: origin, line: line, column: column)
  }

  /// The offset of the first byte that breaks UTF-8 and what is wrong with
  /// it, in the words of Python's decoder; nil when all bytes are valid.
  static func firstInvalidByte(_ bytes: [UInt8]) -> (Int, String)? {
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }

      // The second byte's range excludes overlong forms, surrogates and
      // code points past U+10FFFF.
      let length: Int
      let second: ClosedRange<UInt8>
      switch lead {
      case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
      case 0xE0: (length, second) = (3, 0xA0...0xBF)
      case 0xE1...0xEC, 0xEE...0xEF: (length, second) = (3, 0x80...0xBF)
      case 0xED: (length, second) = (3, 0x80...0x9F)
      case 0xF0: (length, second) = (4, 0x90...0xBF)
      case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
      case 0xF4: (length, second) = (4, 0x80...0x8F)
      default: return (index, "invalid start byte")
      }
      for step in 1..<length {
        guard index + step < bytes.count else { return (index, "unexpected end of data") }
        let byte = bytes[index + step]
        let allowed = step == 1 ? second : 0x80...0xBF
        guard allowed.contains(byte) else { return (index, "invalid continuation byte") }
      }
      index += length
    }
    return nil
  }
}
