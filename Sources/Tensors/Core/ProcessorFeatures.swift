#if canImport(Glibc)
  import Glibc
#endif

/// What the processor can run beyond baseline x86-64, read once from the
/// operating system.
public enum ProcessorFeatures {
  /// Whether AVX2 and FMA instructions are available (and enabled by the
  /// operating system), so that the VectorKernels module may run.
  public static let hasAVX2AndFMA: Bool = {
    #if arch(x86_64) && os(Linux)
      let flags = cpuFlags()
      return flags.contains("avx2") && flags.contains("fma") && flags.contains("avx")
    #else
      return false
    #endif
  }()

  /// The words of the first `flags` line of /proc/cpuinfo, which Linux
  /// clears of features the kernel has not enabled.
  private static func cpuFlags() -> Set<Substring> {
    #if os(Linux)
      guard let file = fopen("/proc/cpuinfo", "r") else { return [] }
      defer { fclose(file) }
      var line: UnsafeMutablePointer<CChar>? = nil
      var capacity = 0
      defer { free(line) }
      while getline(&line, &capacity, file) > 0 {
        guard let line else { break }
        let text = String(cString: line)
        guard text.hasPrefix("flags") else { continue }
        guard let colon = text.firstIndex(of: ":") else { return [] }
        return Set(text[text.index(after: colon)...].split(whereSeparator: \.isWhitespace))
      }
      return []
    #else
      return []
    #endif
  }
}
