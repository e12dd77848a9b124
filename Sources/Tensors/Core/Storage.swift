#if canImport(Glibc)
  import Glibc
#endif

/// A reference-counted block of raw memory that arrays view.
///
/// Several arrays may share one storage (views); the memory is freed when
/// the last of them goes away.
public final class Storage: @unchecked Sendable {
  /// The first byte of the block, aligned for SIMD loads.
  public let bytes: UnsafeMutableRawPointer
  /// How many bytes the block holds.
  public let byteCount: Int

  /// The most bytes one allocation may take; larger requests raise
  /// MemoryError instead of failing inside the allocator.
  nonisolated(unsafe) public static var allocationLimit: Int = defaultLimit()

  /// Allocates `byteCount` zeroed bytes, or throws MemoryError.
  public init(byteCount: Int, zeroed: Bool = true) throws {
    guard byteCount >= 0, byteCount <= Storage.allocationLimit else {
      throw TensorError(
        .memoryError,
        "Unable to allocate \(Storage.describe(bytes: byteCount))"
          + " (limit \(Storage.describe(bytes: Storage.allocationLimit)))")
    }
    let count = max(byteCount, 1)
    let reserved = BlockCache.classBytes(count)
    let memory: UnsafeMutableRawPointer
    if let cached = BlockCache.take(reserved) {
      memory = cached
    } else {
      var raw: UnsafeMutableRawPointer? = nil
      // Large blocks go on 2 MiB boundaries and ask for huge pages, as NumPy
      // does: first touches then fault 512 times less often.
      let huge = reserved >= 4 << 20
      let alignment = huge ? 2 << 20 : 64
      if posix_memalign(&raw, alignment, reserved) != 0 {
        // Blocks kept for reuse may be what the allocator is missing.
        BlockCache.empty()
        if posix_memalign(&raw, alignment, reserved) != 0 { raw = nil }
      }
      guard let fresh = raw else {
        throw TensorError(
          .memoryError, "Unable to allocate \(Storage.describe(bytes: byteCount))")
      }
      if huge { _ = madvise(fresh, reserved, 14) }  // 14 is MADV_HUGEPAGE.
      memory = fresh
    }
    if zeroed { memset(memory, 0, count) }
    self.bytes = memory
    self.byteCount = byteCount
    self.reservedBytes = reserved
  }

  /// The bytes actually allocated: `byteCount` rounded up to a size class
  /// of the block cache.
  private let reservedBytes: Int

  deinit { BlockCache.give(bytes, bytes: reservedBytes) }

  /// Formats a byte count as NumPy's MemoryError does (`1.49 GiB`).
  public static func describe(bytes: Int) -> String {
    let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1024, unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    if unit == 0 { return "\(bytes) B" }
    let hundredths = (value * 100).rounded() / 100
    return "\(hundredths) \(units[unit])"
  }

  private static func defaultLimit() -> Int {
    let pages = sysconf(Int32(_SC_PHYS_PAGES))
    let pageSize = sysconf(Int32(_SC_PAGESIZE))
    guard pages > 0, pageSize > 0 else { return 1 << 32 }
    let (total, overflow) = pages.multipliedReportingOverflow(by: pageSize)
    return overflow ? Int.max / 2 : total / 5 * 4
  }
}
