#if canImport(Glibc)
  import Glibc
#endif

/// C's printf formatting of one number, as Python's `%` and format specs
/// print it (`%.4f`, `%.4e`, `%.0f`).
func cFormat(_ format: String, _ value: Double) -> String {
  var buffer = [CChar](repeating: 0, count: 64)
  _ = withVaList([value]) { arguments in
    buffer.withUnsafeMutableBufferPointer { pointer in
      vsnprintf(pointer.baseAddress, 64, format, arguments)
    }
  }
  return String(cString: buffer)
}

/// `1234567` -> `1,234,567`.
func thousands(_ value: Int) -> String {
  let digits = String(value.magnitude)
  var result = ""
  for (index, digit) in digits.enumerated() {
    if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
    result.append(digit)
  }
  return value < 0 ? "-" + result : result
}

/// Keras's `readable_memory_size`: `33.76 KB`, `0.00 B`.
func readableBytes(_ bytes: Int) -> String {
  let units = ["B", "KB", "MB", "GB", "TB", "PB"]
  var size = Double(bytes)
  for unit in units {
    if size / 1024 < 1 { return cFormat("%.2f", size) + " " + unit }
    size /= 1024
  }
  return cFormat("%.2f", size) + " PB"
}

/// Seconds on a monotonic clock.
func monotonicSeconds() -> Double {
  var now = timespec()
  clock_gettime(CLOCK_MONOTONIC, &now)
  return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
}
