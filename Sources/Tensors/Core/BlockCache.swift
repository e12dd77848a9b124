import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Keeps a few recently freed large blocks for the next storage of the same
/// size class. A fresh block costs the kernel a zero fill of every page on
/// first touch, about as long as an element-wise pass itself; a loop that
/// makes and drops same-sized arrays (`c = a + b` in a loop, each training
/// step) then reuses pages already mapped.
enum BlockCache {
  /// Blocks smaller than this go straight back to the allocator.
  static let minimumBytes = 4 << 20
  /// Size classes are whole huge pages.
  static let granularity = 2 << 20

  /// The most bytes the cache holds; beyond it the oldest blocks are freed.
  nonisolated(unsafe) static var capacity = 96 << 20

  private struct Block {
    var memory: UnsafeMutableRawPointer
    var bytes: Int
  }

  private struct Shelf: ~Copyable {
    var blocks: [Block] = []
    var total = 0
  }

  private static let shelf = Mutex(Shelf())

  /// The bytes to allocate for a request of `byteCount`: rounded up to the
  /// size class when the block may be cached.
  static func classBytes(_ byteCount: Int) -> Int {
    guard byteCount >= minimumBytes else { return byteCount }
    let (rounded, overflow) = byteCount.addingReportingOverflow(granularity - 1)
    return overflow ? byteCount : rounded / granularity * granularity
  }

  /// A cached block of exactly `bytes` (a size class), or nil. A miss
  /// frees every cached block first: the program has moved on to other
  /// sizes, and blocks kept past that point would only raise its peak
  /// memory.
  static func take(_ bytes: Int) -> UnsafeMutableRawPointer? {
    guard bytes >= minimumBytes else { return nil }
    let (hit, stale) = shelf.withLock { shelf -> (UnsafeMutableRawPointer?, [Block]) in
      if let index = shelf.blocks.lastIndex(where: { $0.bytes == bytes }) {
        let block = shelf.blocks.remove(at: index)
        shelf.total -= block.bytes
        return (block.memory, [])
      }
      let all = shelf.blocks
      shelf.blocks = []
      shelf.total = 0
      return (nil, all)
    }
    for block in stale { free(block.memory) }
    return hit
  }

  /// Frees `memory` of `bytes`, or keeps it for reuse.
  static func give(_ memory: UnsafeMutableRawPointer, bytes: Int) {
    guard bytes >= minimumBytes, bytes <= capacity else {
      free(memory)
      return
    }
    let evicted = shelf.withLock { shelf -> [Block] in
      shelf.blocks.append(Block(memory: memory, bytes: bytes))
      shelf.total += bytes
      var evicted: [Block] = []
      while shelf.total > capacity, !shelf.blocks.isEmpty {
        let oldest = shelf.blocks.removeFirst()
        shelf.total -= oldest.bytes
        evicted.append(oldest)
      }
      return evicted
    }
    for block in evicted { free(block.memory) }
  }

  /// Frees every cached block.
  static func empty() {
    let blocks = shelf.withLock { shelf -> [Block] in
      let all = shelf.blocks
      shelf.blocks = []
      shelf.total = 0
      return all
    }
    for block in blocks { free(block.memory) }
  }
}
