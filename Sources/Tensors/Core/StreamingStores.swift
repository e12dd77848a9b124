import CNonTemporal

#if canImport(Glibc)
  import Glibc
#endif

/// Writes the outputs of large element-wise loops around the cache.
///
/// An output larger than the last-level cache cannot stay there anyway;
/// written the ordinary way, each of its cache lines is first read from
/// memory and then evicts operand data still to be read. Computing a few
/// kilobytes at a time into a buffer that stays in L1, then streaming the
/// buffer out with non-temporal stores, saves that read: a third of the
/// memory traffic of `a + b`.
enum StreamingStores {
  /// Outputs of at least this many bytes are streamed.
  nonisolated(unsafe) static var thresholdBytes: Int = defaultThreshold()

  /// Elements computed into the L1 buffer per round.
  private static let bufferBytes = 4096

  /// Whether an output of `count` elements of `R` is streamed.
  @inline(__always)
  static func applies<R>(_ count: Int, _ type: R.Type) -> Bool {
    let stride = MemoryLayout<R>.stride
    return 16 % stride == 0 && count >= thresholdBytes / stride
  }

  /// Fills `out[range]`: `body(part, target)` writes the elements of
  /// `part` to `target[0..<part.count]`, which is either the output itself
  /// or a buffer then streamed to it.
  @inline(__always)
  static func fill<R>(
    _ out: UnsafeMutablePointer<R>, _ range: Range<Int>,
    _ body: (Range<Int>, UnsafeMutablePointer<R>) -> Void
  ) {
    let stride = MemoryLayout<R>.stride
    let address = Int(bitPattern: out + range.lowerBound)
    let head = min(range.count, ((16 - address % 16) % 16) / stride)
    if head > 0 {
      body(range.lowerBound..<(range.lowerBound + head), out + range.lowerBound)
    }
    let perRound = bufferBytes / stride
    let rest = (range.lowerBound + head)..<range.upperBound
    withUnsafeTemporaryAllocation(byteCount: bufferBytes, alignment: 64) { raw in
      guard let base = raw.baseAddress else {
        body(rest, out + rest.lowerBound)
        return
      }
      let buffer = base.bindMemory(to: R.self, capacity: perRound)
      var start = rest.lowerBound
      while start < range.upperBound {
        let end = min(start + perRound, range.upperBound)
        body(start..<end, buffer)
        mls_stream_copy(out + start, buffer, (end - start) * stride)
        start = end
      }
    }
    mls_stream_fence()
  }

  /// The last-level cache's size as Linux reports it, kept between 4 and
  /// 64 MiB. `sysconf` is not used: inside virtual machines it reports the
  /// host's whole cache rather than the share this processor sees.
  private static func defaultThreshold() -> Int {
    let path = "/sys/devices/system/cpu/cpu0/cache/index3/size"
    guard let file = fopen(path, "r") else { return 16 << 20 }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 32)
    guard fgets(&line, Int32(line.count), file) != nil else { return 16 << 20 }
    let text = String(
      decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    guard let kilobytes = Int(text.prefix { $0.isNumber }), kilobytes > 0 else {
      return 16 << 20
    }
    return min(max(min(kilobytes, 1 << 20) * 1024, 4 << 20), 64 << 20)
  }
}
