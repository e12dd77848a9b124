// This module is compiled for AVX2 and FMA. Nothing here may run before the
// caller has checked that the processor has both: no global state, no
// work at load time, only functions called on demand.

/// Eight float32 lanes: one AVX register.
typealias Lanes = SIMD8<Float>

/// The sizes of a valid (unpadded) channels-last convolution of one image,
/// as the register-blocked tiles see them.
public struct ConvolutionShape: Sendable {
  /// Input columns and channels.
  public var width: Int, channels: Int
  /// Window rows and columns.
  public var kernelHeight: Int, kernelWidth: Int
  /// Step between windows along rows and columns.
  public var strideY: Int, strideX: Int
  /// Output rows and columns.
  public var outHeight: Int, outWidth: Int
  /// Filters, and the filters rounded up to a whole tile of 16.
  public var filters: Int, paddedFilters: Int

  /// Collects the sizes; `paddedFilters` is `filters` rounded up to 16.
  public init(
    width: Int, channels: Int, kernelHeight: Int, kernelWidth: Int,
    strideY: Int, strideX: Int, outHeight: Int, outWidth: Int, filters: Int
  ) {
    self.width = width
    self.channels = channels
    self.kernelHeight = kernelHeight
    self.kernelWidth = kernelWidth
    self.strideY = strideY
    self.strideX = strideX
    self.outHeight = outHeight
    self.outWidth = outWidth
    self.filters = filters
    self.paddedFilters = (filters + 15) / 16 * 16
  }

  /// Output positions of one image.
  public var outPixels: Int { outHeight * outWidth }
  /// Values in one window row across channels, contiguous in the input.
  var rowRun: Int { kernelWidth * channels }
}

@inline(__always)
func load(_ p: UnsafePointer<Float>) -> Lanes {
  UnsafeRawPointer(p).loadUnaligned(as: Lanes.self)
}

@inline(__always)
func store(_ v: Lanes, _ p: UnsafeMutablePointer<Float>) {
  UnsafeMutableRawPointer(p).storeBytes(of: v, as: Lanes.self)
}

/// How many neighbouring output pixels a forward tile computes.
protocol TileWidth {
  static var pixels: Int { get }
}

/// The usual forward tile: twelve accumulators.
enum SixPixels: TileWidth {
  static var pixels: Int { 6 }
}

/// The tile that ends a row: eight accumulators.
enum FourPixels: TileWidth {
  static var pixels: Int { 4 }
}

/// Direct convolution tiles: each keeps a block of outputs (or of kernel
/// gradients) in sixteen AVX registers and streams the input past them,
/// so that no window matrix is ever written out.
public enum ConvolutionTiles {
  /// Output pixels one forward tile computes, side by side along a row.
  public static let tilePixels = 6

  /// `output = conv(image, weights) + bias` for one image, with ReLU when
  /// `relu`. `weights` is (kh, kw, in, paddedFilters) and `bias` holds
  /// `paddedFilters` values, both zero past `filters`; `output` is
  /// (outH, outW, filters) and may be written up to `outputLimit` floats
  /// from its start (lanes past the image are read back and rewritten
  /// unchanged). Needs `outWidth >= tilePixels` and a window that fits.
  public static func forwardImage(
    _ image: UnsafePointer<Float>, weights: UnsafePointer<Float>, bias: UnsafePointer<Float>,
    output: UnsafeMutablePointer<Float>, outputLimit: Int, shape s: ConvolutionShape,
    relu: Bool
  ) {
    let run = s.rowRun
    let step = s.strideX * s.channels
    let rowStep = s.width * s.channels
    let fp = s.paddedFilters
    withUnsafeTemporaryAllocation(of: Float.self, capacity: 16 * tilePixels) { buffer in
      guard let tile = buffer.baseAddress else { return }
      forwardRows(
        image, weights: weights, bias: bias, output: output, outputLimit: outputLimit,
        shape: s, relu: relu, tile: tile, run: run, step: step, rowStep: rowStep, fp: fp)
    }
  }

  private static func forwardRows(
    _ image: UnsafePointer<Float>, weights: UnsafePointer<Float>, bias: UnsafePointer<Float>,
    output: UnsafeMutablePointer<Float>, outputLimit: Int, shape s: ConvolutionShape,
    relu: Bool, tile: UnsafeMutablePointer<Float>, run: Int, step: Int, rowStep: Int, fp: Int
  ) {
    // Filter tiles outermost: one tile's weights stay in cache while the
    // image streams past. The blended stores allow any order.
    var f0 = 0
    while f0 < fp {
      let put = Writer(output: output, limit: outputLimit, filters: s.filters, f0: f0)
      for oy in 0..<s.outHeight {
        var ox = 0
        while ox < s.outWidth {
          // Up to four pixels left over take the narrow tile; five take a
          // wide one shifted left over a pixel already done. Recomputing
          // costs less than a narrow tile's lower rate.
          let narrow = s.outWidth - ox <= 4
          let pixels = narrow ? 4 : tilePixels
          let x = min(ox, s.outWidth - pixels)
          let source = image + (oy * s.strideY * s.width + x * s.strideX) * s.channels
          let pixel = oy * s.outWidth + x
          if narrow {
            forwardTile(
              FourPixels.self, source, step: step, rowStep: rowStep, shape: s,
              weights: weights + f0, bias: bias + f0, into: tile)
          } else {
            forwardTile(
              SixPixels.self, source, step: step, rowStep: rowStep, shape: s,
              weights: weights + f0, bias: bias + f0, into: tile)
          }
          for p in 0..<pixels {
            var low = load(tile + 16 * p)
            var high = load(tile + 16 * p + 8)
            if relu {
              low.replace(with: 0, where: low .< 0)
              high.replace(with: 0, where: high .< 0)
            }
            put(low, high, pixel + p)
          }
          ox = x + pixels
        }
      }
      f0 += 16
    }
  }

  /// One tile: six (or four) neighbouring output pixels times 16 filters,
  /// summed over the window in registers and written to `tile` pixel by
  /// pixel. Out of line: inlined into the loops around it, the
  /// accumulators spill. Each width is compiled on its own, so the test on
  /// `W.pixels` costs nothing and a narrow tile keeps only its registers.
  @inline(never)
  static func forwardTile<W: TileWidth>(
    _ width: W.Type, _ source: UnsafePointer<Float>, step: Int, rowStep: Int,
    shape s: ConvolutionShape, weights: UnsafePointer<Float>, bias: UnsafePointer<Float>,
    into tile: UnsafeMutablePointer<Float>
  ) {
    let wide = W.pixels == 6
    let b0 = load(bias)
    let b1 = load(bias + 8)
    var a00 = b0, a01 = b1, a10 = b0, a11 = b1, a20 = b0, a21 = b1
    var a30 = b0, a31 = b1, a40 = b0, a41 = b1, a50 = b0, a51 = b1
    let run = s.rowRun
    let fp = s.paddedFilters
    var w = weights
    for ky in 0..<s.kernelHeight {
      // One pointer per pixel keeps the inner loop free of index sums.
      let r0 = source + ky * rowStep
      let r1 = r0 + step
      let r2 = r1 + step
      let r3 = r2 + step
      let r4 = r3 + step
      let r5 = r4 + step
      for t in 0..<run {
        let w0 = load(w)
        let w1 = load(w + 8)
        w += fp
        var v = Lanes(repeating: r0[t])
        a00.addProduct(v, w0)
        a01.addProduct(v, w1)
        v = Lanes(repeating: r1[t])
        a10.addProduct(v, w0)
        a11.addProduct(v, w1)
        v = Lanes(repeating: r2[t])
        a20.addProduct(v, w0)
        a21.addProduct(v, w1)
        v = Lanes(repeating: r3[t])
        a30.addProduct(v, w0)
        a31.addProduct(v, w1)
        if wide {
          v = Lanes(repeating: r4[t])
          a40.addProduct(v, w0)
          a41.addProduct(v, w1)
          v = Lanes(repeating: r5[t])
          a50.addProduct(v, w0)
          a51.addProduct(v, w1)
        }
      }
    }
    store(a00, tile)
    store(a01, tile + 8)
    store(a10, tile + 16)
    store(a11, tile + 24)
    store(a20, tile + 32)
    store(a21, tile + 40)
    store(a30, tile + 48)
    store(a31, tile + 56)
    if wide {
      store(a40, tile + 64)
      store(a41, tile + 72)
      store(a50, tile + 80)
      store(a51, tile + 88)
    }
  }

  /// Adds (or, unless `accumulate`, writes) one image's kernel gradient
  /// into `partial`, (kh, kw, in, paddedFilters): the sum over output
  /// pixels of input window times `outputGradient` (outH, outW, filters).
  /// `outputGradient` must stay readable `paddedFilters - filters` floats
  /// past its end; what is there lands in lanes of `partial` past
  /// `filters`, which the caller drops.
  public static func kernelGradientImage(
    _ image: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>,
    partial: UnsafeMutablePointer<Float>, accumulate: Bool, shape s: ConvolutionShape
  ) {
    let run = s.rowRun
    let wide = run % 5 == 0 ? 5 : 4
    // A few output rows at a time, so that their gradients and input rows
    // stay in the L1 cache while every tile passes over them.
    let rowBytes = 4 * (s.outWidth * s.filters + s.strideY * s.width * s.channels)
    let chunk = max(1, min(s.outHeight, l1Budget / max(rowBytes, 1)))
    var oy0 = 0
    while oy0 < s.outHeight {
      let rows = min(chunk, s.outHeight - oy0)
      let walk = PixelWalk(
        pixels: rows * s.outWidth, outWidth: s.outWidth, step: s.strideX * s.channels,
        rowSkip: (s.strideY * s.width - s.outWidth * s.strideX) * s.channels,
        filters: s.filters, paddedFilters: s.paddedFilters, accumulate: accumulate || oy0 > 0)
      let corner = image + oy0 * s.strideY * s.width * s.channels
      let gradient = outputGradient + oy0 * s.outWidth * s.filters
      for ky in 0..<s.kernelHeight {
        var t0 = 0
        while t0 < run {
          let tile = run - t0 >= wide ? wide : 1
          var f0 = 0
          while f0 < s.paddedFilters {
            let target = partial + (ky * run + t0) * s.paddedFilters + f0
            let source = corner + ky * s.width * s.channels + t0
            if tile == 1 {
              gradientTile1(source, gradient + f0, target, walk)
            } else if tile == 4 {
              gradientTile4(source, gradient + f0, target, walk)
            } else {
              gradientTile5(source, gradient + f0, target, walk)
            }
            f0 += 16
          }
          t0 += tile
        }
      }
      oy0 += rows
    }
  }

  /// Bytes of gradient and input rows a kernel-gradient pass keeps in L1.
  static let l1Budget = 20 * 1024

  // The tiles stay out of line: inlined into the loops above, the
  // register allocator spills their accumulators.

  @inline(never)
  static func gradientTile5(
    _ source: UnsafePointer<Float>, _ gradient: UnsafePointer<Float>,
    _ target: UnsafeMutablePointer<Float>, _ walk: PixelWalk
  ) {
    var a00 = Lanes.zero, a01 = Lanes.zero, a10 = Lanes.zero, a11 = Lanes.zero
    var a20 = Lanes.zero, a21 = Lanes.zero, a30 = Lanes.zero, a31 = Lanes.zero
    var a40 = Lanes.zero, a41 = Lanes.zero
    var r = source
    var g = gradient
    var x = 0
    for _ in 0..<walk.pixels {
      let d0 = load(g)
      let d1 = load(g + 8)
      var v = Lanes(repeating: r[0])
      a00.addProduct(v, d0)
      a01.addProduct(v, d1)
      v = Lanes(repeating: r[1])
      a10.addProduct(v, d0)
      a11.addProduct(v, d1)
      v = Lanes(repeating: r[2])
      a20.addProduct(v, d0)
      a21.addProduct(v, d1)
      v = Lanes(repeating: r[3])
      a30.addProduct(v, d0)
      a31.addProduct(v, d1)
      v = Lanes(repeating: r[4])
      a40.addProduct(v, d0)
      a41.addProduct(v, d1)
      walk.advance(&r, &g, &x)
    }
    walk.put(a00, a01, target, row: 0)
    walk.put(a10, a11, target, row: 1)
    walk.put(a20, a21, target, row: 2)
    walk.put(a30, a31, target, row: 3)
    walk.put(a40, a41, target, row: 4)
  }

  @inline(never)
  static func gradientTile4(
    _ source: UnsafePointer<Float>, _ gradient: UnsafePointer<Float>,
    _ target: UnsafeMutablePointer<Float>, _ walk: PixelWalk
  ) {
    var a00 = Lanes.zero, a01 = Lanes.zero, a10 = Lanes.zero, a11 = Lanes.zero
    var a20 = Lanes.zero, a21 = Lanes.zero, a30 = Lanes.zero, a31 = Lanes.zero
    var r = source
    var g = gradient
    var x = 0
    for _ in 0..<walk.pixels {
      let d0 = load(g)
      let d1 = load(g + 8)
      var v = Lanes(repeating: r[0])
      a00.addProduct(v, d0)
      a01.addProduct(v, d1)
      v = Lanes(repeating: r[1])
      a10.addProduct(v, d0)
      a11.addProduct(v, d1)
      v = Lanes(repeating: r[2])
      a20.addProduct(v, d0)
      a21.addProduct(v, d1)
      v = Lanes(repeating: r[3])
      a30.addProduct(v, d0)
      a31.addProduct(v, d1)
      walk.advance(&r, &g, &x)
    }
    walk.put(a00, a01, target, row: 0)
    walk.put(a10, a11, target, row: 1)
    walk.put(a20, a21, target, row: 2)
    walk.put(a30, a31, target, row: 3)
  }

  @inline(never)
  static func gradientTile1(
    _ source: UnsafePointer<Float>, _ gradient: UnsafePointer<Float>,
    _ target: UnsafeMutablePointer<Float>, _ walk: PixelWalk
  ) {
    var a0 = Lanes.zero, a1 = Lanes.zero
    var r = source
    var g = gradient
    var x = 0
    for _ in 0..<walk.pixels {
      let v = Lanes(repeating: r[0])
      a0.addProduct(v, load(g))
      a1.addProduct(v, load(g + 8))
      walk.advance(&r, &g, &x)
    }
    walk.put(a0, a1, target, row: 0)
  }
}

/// How a gradient tile steps through one image's output pixels (row by
/// row, with the matching window corner in the input) and stores its sums.
struct PixelWalk {
  let pixels: Int, outWidth: Int
  /// Input floats between neighbouring windows, and the extra jump from
  /// the end of one output row to the start of the next.
  let step: Int, rowSkip: Int
  let filters: Int, paddedFilters: Int
  let accumulate: Bool

  @inline(__always)
  func advance(
    _ r: inout UnsafePointer<Float>, _ g: inout UnsafePointer<Float>, _ x: inout Int
  ) {
    r += step
    g += filters
    x &+= 1
    if x == outWidth {
      x = 0
      r += rowSkip
    }
  }

  /// Adds (or writes) a tile's row `row` into the partial kernel gradient.
  @inline(__always)
  func put(_ low: Lanes, _ high: Lanes, _ target: UnsafeMutablePointer<Float>, row: Int) {
    let p = target + row * paddedFilters
    if accumulate {
      store(load(p) + low, p)
      store(load(p + 8) + high, p + 8)
    } else {
      store(low, p)
      store(high, p + 8)
    }
  }
}

/// Stores a tile's 16 lanes for one output pixel, keeping only the lanes
/// below `filters`: whole vectors where they fit, a blend with what is
/// there where the pixel's row ends early, single floats near the limit.
struct Writer {
  let output: UnsafeMutablePointer<Float>
  let limit: Int
  let filters: Int
  let f0: Int

  @inline(__always)
  func callAsFunction(_ low: Lanes, _ high: Lanes, _ pixel: Int) {
    let start = pixel * filters + f0
    let target = output + start
    let valid = filters - f0
    if valid >= 16 {
      store(low, target)
      store(high, target + 8)
      return
    }
    guard start + 16 <= limit else {
      for lane in 0..<min(valid, 8) { target[lane] = low[lane] }
      for lane in 8..<max(valid, 8) { target[lane] = high[lane - 8] }
      return
    }
    // Float lane numbers: integer vector comparisons compile to scalar code.
    let lanes = Lanes(0, 1, 2, 3, 4, 5, 6, 7)
    var first = load(target)
    first.replace(with: low, where: lanes .< Lanes(repeating: Float(valid)))
    store(first, target)
    var second = load(target + 8)
    second.replace(with: high, where: lanes .< Lanes(repeating: Float(valid - 8)))
    store(second, target + 8)
  }
}
