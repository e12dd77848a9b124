/// The geometry of a 2-D convolution on channels-last (NHWC) data, with
/// TensorFlow's rules for `valid` and `same` padding.
public struct ConvolutionGeometry: Sendable, Equatable {
  /// Images in the batch.
  public var batch: Int
  /// Input rows, columns and channels.
  public var height: Int, width: Int, channels: Int
  /// Window rows and columns.
  public var kernelHeight: Int, kernelWidth: Int
  /// Step between windows along rows and columns.
  public var strideY: Int, strideX: Int
  /// Zero rows above and columns left of the input (`same` padding).
  public var padTop: Int, padLeft: Int
  /// Output rows and columns.
  public var outHeight: Int, outWidth: Int

  /// Works out the output size; throws ValueError when the window does not
  /// fit the input or a size is not positive.
  public init(
    batch: Int, height: Int, width: Int, channels: Int,
    kernelHeight: Int, kernelWidth: Int, strideY: Int, strideX: Int, same: Bool
  ) throws {
    guard kernelHeight > 0, kernelWidth > 0, strideY > 0, strideX > 0 else {
      throw TensorError(.valueError, "window and strides must be positive")
    }
    self.batch = batch
    self.height = height
    self.width = width
    self.channels = channels
    self.kernelHeight = kernelHeight
    self.kernelWidth = kernelWidth
    self.strideY = strideY
    self.strideX = strideX
    if same {
      outHeight = (height + strideY - 1) / strideY
      outWidth = (width + strideX - 1) / strideX
      padTop = max((outHeight - 1) * strideY + kernelHeight - height, 0) / 2
      padLeft = max((outWidth - 1) * strideX + kernelWidth - width, 0) / 2
    } else {
      guard height >= kernelHeight, width >= kernelWidth else {
        throw TensorError(
          .valueError,
          "a \(kernelHeight)x\(kernelWidth) window does not fit an input of"
            + " \(height)x\(width) with padding='valid'")
      }
      outHeight = (height - kernelHeight) / strideY + 1
      outWidth = (width - kernelWidth) / strideX + 1
      padTop = 0
      padLeft = 0
    }
  }

  /// Values in one window across all input channels (a row of im2col).
  public var patchSize: Int { kernelHeight * kernelWidth * channels }
  /// Output positions per image.
  public var outPixels: Int { outHeight * outWidth }
  /// Input values per image.
  public var imageSize: Int { height * width * channels }
}

/// Conv2D forward and backward through im2col and GEMM, a block of output
/// rows at a time so that each block's windows stay in cache, in float32
/// or float64.
public enum Convolution {
  /// Floats of window rows one block holds: about 192 KB, which keeps a
  /// block and its GEMM operands in a core's L2 cache.
  private static let blockFloats = 48 * 1024
  /// The most output rows in a block; OpenBLAS packs larger products
  /// through memory and runs at half speed on these narrow shapes.
  private static let maxBlockRows = 512

  /// Output rows (windows) per block for `g`.
  public static func blockRows(_ g: ConvolutionGeometry) -> Int {
    max(1, min(maxBlockRows, blockFloats / max(g.patchSize, 1)))
  }

  /// The scratch floats `forward` and `backward` need for `g`: two blocks
  /// of windows and one kernel gradient per worker.
  public static func scratchCount(_ g: ConvolutionGeometry, filters: Int) -> Int {
    workers(g).count * (2 * blockRows(g) + filters) * g.patchSize
  }

  /// How many workers share the batch, and the images each takes.
  private static func workers(_ g: ConvolutionGeometry) -> (count: Int, chunk: Int) {
    let wanted = max(1, min(KernelThreads.workerCount, g.batch))
    let chunk = max(1, (g.batch + wanted - 1) / wanted)
    return (max(1, (g.batch + chunk - 1) / chunk), chunk)
  }

  /// Copies every window of every image into rows of `columns`
  /// (`batch * outPixels` rows of `patchSize`), zeros where padding.
  @_specialize(where T == Float)
  @_specialize(where T == Double)
  public static func im2col<T: KernelScalar>(
    _ input: UnsafePointer<T>, into columns: UnsafeMutablePointer<T>,
    _ g: ConvolutionGeometry, parallel: Bool = true
  ) {
    let patch = g.patchSize
    let cost = parallel ? g.outPixels * patch : 0
    KernelThreads.forEachChunk(g.batch, costPerItem: cost) { images in
      let rows = (images.lowerBound * g.outPixels)..<(images.upperBound * g.outPixels)
      im2col(input, rows: rows, into: columns + rows.lowerBound * patch, g)
    }
  }

  /// Copies the windows of output rows `rows` (numbered across the batch)
  /// into consecutive rows of `columns`.
  @_specialize(where T == Float)
  @_specialize(where T == Double)
  public static func im2col<T: KernelScalar>(
    _ input: UnsafePointer<T>, rows: Range<Int>, into columns: UnsafeMutablePointer<T>,
    _ g: ConvolutionGeometry
  ) {
    let patch = g.patchSize
    var target = columns
    for r in rows {
      let n = r / g.outPixels
      let pixel = r - n * g.outPixels
      let oy = pixel / g.outWidth
      copyWindow(
        input + n * g.imageSize, oy: oy, ox: pixel - oy * g.outWidth, into: target, g)
      target += patch
    }
  }

  @inline(__always)
  private static func copyWindow<T: KernelScalar>(
    _ image: UnsafePointer<T>, oy: Int, ox: Int,
    into row: UnsafeMutablePointer<T>, _ g: ConvolutionGeometry
  ) {
    let rowLength = g.kernelWidth * g.channels
    let x0 = ox * g.strideX - g.padLeft
    for ky in 0..<g.kernelHeight {
      let y = oy * g.strideY - g.padTop + ky
      let target = row + ky * rowLength
      if y < 0 || y >= g.height {
        target.update(repeating: 0, count: rowLength)
        continue
      }
      if x0 >= 0 && x0 + g.kernelWidth <= g.width {
        copyRun(image + (y * g.width + x0) * g.channels, into: target, count: rowLength)
        continue
      }
      for kx in 0..<g.kernelWidth {
        let x = x0 + kx
        let cell = target + kx * g.channels
        if x < 0 || x >= g.width {
          cell.update(repeating: 0, count: g.channels)
        } else {
          copyRun(image + (y * g.width + x) * g.channels, into: cell, count: g.channels)
        }
      }
    }
  }

  /// Adds every row of `columns` back onto the windows it came from; the
  /// inverse of `im2col` for gradients. `output` is overwritten.
  @_specialize(where T == Float)
  @_specialize(where T == Double)
  public static func col2im<T: KernelScalar>(
    _ columns: UnsafePointer<T>, into output: UnsafeMutablePointer<T>,
    _ g: ConvolutionGeometry, parallel: Bool = true
  ) {
    let patch = g.patchSize
    let cost = parallel ? g.outPixels * patch : 0
    KernelThreads.forEachChunk(g.batch, costPerItem: cost) { images in
      (output + images.lowerBound * g.imageSize).update(
        repeating: 0, count: images.count * g.imageSize)
      let rows = (images.lowerBound * g.outPixels)..<(images.upperBound * g.outPixels)
      col2im(columns + rows.lowerBound * patch, rows: rows, into: output, g)
    }
  }

  /// Adds consecutive rows of `columns`, the windows of output rows `rows`
  /// (numbered across the batch), onto the images in `output`.
  @_specialize(where T == Float)
  @_specialize(where T == Double)
  public static func col2im<T: KernelScalar>(
    _ columns: UnsafePointer<T>, rows: Range<Int>, into output: UnsafeMutablePointer<T>,
    _ g: ConvolutionGeometry
  ) {
    let patch = g.patchSize
    var source = columns
    for r in rows {
      let n = r / g.outPixels
      let pixel = r - n * g.outPixels
      let oy = pixel / g.outWidth
      addWindow(
        source, into: output + n * g.imageSize, oy: oy, ox: pixel - oy * g.outWidth, g)
      source += patch
    }
  }

  @inline(__always)
  private static func addWindow<T: KernelScalar>(
    _ row: UnsafePointer<T>, into image: UnsafeMutablePointer<T>,
    oy: Int, ox: Int, _ g: ConvolutionGeometry
  ) {
    let rowLength = g.kernelWidth * g.channels
    let x0 = ox * g.strideX - g.padLeft
    let inside = x0 >= 0 && x0 + g.kernelWidth <= g.width
    for ky in 0..<g.kernelHeight {
      let y = oy * g.strideY - g.padTop + ky
      if y < 0 || y >= g.height { continue }
      let sourceRow = row + ky * rowLength
      if inside {
        // The window's row is one contiguous run in the image.
        addRun(sourceRow, into: image + (y * g.width + x0) * g.channels, count: rowLength)
        continue
      }
      for kx in 0..<g.kernelWidth {
        let x = x0 + kx
        if x < 0 || x >= g.width { continue }
        addRun(
          sourceRow + kx * g.channels, into: image + (y * g.width + x) * g.channels,
          count: g.channels)
      }
    }
  }

  /// Copies a short run inline: a call to memmove costs as much as the
  /// copy for the 15 to 75 floats of a window row.
  @inline(__always)
  private static func copyRun<T: KernelScalar>(
    _ source: UnsafePointer<T>, into target: UnsafeMutablePointer<T>, count: Int
  ) {
    var i = 0
    while i + 8 <= count {
      UnsafeMutableRawPointer(target + i).storeBytes(
        of: UnsafeRawPointer(source + i).loadUnaligned(as: SIMD8<T>.self),
        as: SIMD8<T>.self)
      i += 8
    }
    while i < count {
      target[i] = source[i]
      i += 1
    }
  }

  @inline(__always)
  private static func addRun<T: KernelScalar>(
    _ source: UnsafePointer<T>, into target: UnsafeMutablePointer<T>, count: Int
  ) {
    var i = 0
    while i + 8 <= count {
      let sum =
        UnsafeRawPointer(target + i).loadUnaligned(as: SIMD8<T>.self)
        + UnsafeRawPointer(source + i).loadUnaligned(as: SIMD8<T>.self)
      UnsafeMutableRawPointer(target + i).storeBytes(of: sum, as: SIMD8<T>.self)
      i += 8
    }
    while i < count {
      target[i] += source[i]
      i += 1
    }
  }

  /// Splits `0..<g.batch` into one run of images per worker and calls
  /// `body(worker, images)` for each, in parallel when worth it.
  private static func perWorker(
    _ g: ConvolutionGeometry, cost: Int, _ body: (Int, Range<Int>) -> Void
  ) {
    let (count, chunk) = workers(g)
    KernelThreads.forEachChunk(count, costPerItem: chunk * cost) { slots in
      for slot in slots {
        let first = slot * chunk
        let last = min(g.batch, first + chunk)
        if first < last { body(slot, first..<last) }
      }
    }
  }

  /// Calls `body` on consecutive blocks of the output rows of `images`,
  /// each at most `blockRows(g)` rows and of nearly equal sizes.
  @inline(__always)
  private static func forEachBlock(
    _ images: Range<Int>, _ g: ConvolutionGeometry, _ body: (Range<Int>) -> Void
  ) {
    let first = images.lowerBound * g.outPixels
    let total = images.count * g.outPixels
    let blocks = (total + blockRows(g) - 1) / blockRows(g)
    guard blocks > 0 else { return }
    for b in 0..<blocks {
      body((first + b * total / blocks)..<(first + (b + 1) * total / blocks))
    }
  }

  /// `output = activation(conv(input, kernel) + bias)`: input NHWC, kernel
  /// (kh, kw, in, out), output (batch, outH, outW, filters). `scratch`
  /// must hold `scratchCount(g, filters:)` floats. Images are split across the
  /// workers, each running single-threaded GEMMs block by block.
  @_specialize(where T == Float)
  @_specialize(where T == Double)
  public static func forward<T: KernelScalar>(
    input: UnsafePointer<T>, kernel: UnsafePointer<T>, bias: UnsafePointer<T>?,
    output: UnsafeMutablePointer<T>, scratch: UnsafeMutablePointer<T>,
    filters: Int, geometry g: ConvolutionGeometry, activation: ActivationKernel = .linear
  ) {
    if T.self == Float.self,
      DirectConvolution.forward(
        input: floats(input), kernel: floats(kernel), bias: bias.map(floats),
        output: floats(output), scratch: floats(scratch), filters: filters, geometry: g,
        activation: activation)
    {
      return
    }
    let patch = g.patchSize
    let blockSize = blockRows(g) * patch
    perWorker(g, cost: g.outPixels * patch * filters) { worker, images in
      let columns = scratch + worker * 2 * blockSize
      forEachBlock(images, g) { rows in
        im2col(input, rows: rows, into: columns, g)
        let out = output + rows.lowerBound * filters
        var beta: T = 0
        if let bias {
          for r in 0..<rows.count { (out + r * filters).update(from: bias, count: filters) }
          beta = 1
        }
        GEMM.multiply(
          UnsafePointer(columns), kernel, into: out, m: rows.count, n: filters, k: patch,
          beta: beta)
        activation.apply(out, count: rows.count * filters, width: filters)
      }
    }
  }

  /// The gradients of `forward`: `kernelGradient` (kh, kw, in, out) and
  /// `biasGradient` (out) are overwritten; `inputGradient`, when given, is
  /// overwritten too. `outputGradient` is dL/d(output) and is turned in
  /// place into the gradient before `activation`, whose result `output`
  /// must then be given. `scratch` must hold `scratchCount(g, filters:)`.
  @_specialize(where T == Float)
  @_specialize(where T == Double)
  public static func backward<T: KernelScalar>(
    input: UnsafePointer<T>, outputGradient: UnsafeMutablePointer<T>,
    kernel: UnsafePointer<T>, scratch: UnsafeMutablePointer<T>,
    kernelGradient: UnsafeMutablePointer<T>?, biasGradient: UnsafeMutablePointer<T>?,
    inputGradient: UnsafeMutablePointer<T>?, filters: Int, geometry g: ConvolutionGeometry,
    activation: ActivationKernel = .linear, output: UnsafePointer<T>? = nil
  ) {
    if T.self == Float.self,
      DirectConvolution.backward(
        input: floats(input), outputGradient: floats(outputGradient), kernel: floats(kernel),
        scratch: floats(scratch), kernelGradient: kernelGradient.map(floats),
        biasGradient: biasGradient.map(floats), inputGradient: inputGradient.map(floats),
        filters: filters, geometry: g, activation: activation, output: output.map(floats))
    {
      return
    }
    let patch = g.patchSize
    let kernelCount = patch * filters
    let blockSize = blockRows(g) * patch
    let count = workers(g).count
    // Each worker sums its images' kernel gradient, transposed (filters x
    // patch, the faster GEMM layout), into its own slice; the slices are
    // added up afterwards in a fixed order.
    let partials = kernelGradient == nil ? nil : scratch + count * 2 * blockSize
    perWorker(g, cost: g.outPixels * patch * filters * 2) { worker, images in
      let columns = scratch + worker * 2 * blockSize
      let windowGradient = columns + blockSize
      if let inputGradient {
        (inputGradient + images.lowerBound * g.imageSize).update(
          repeating: 0, count: images.count * g.imageSize)
      }
      var first = true
      forEachBlock(images, g) { rows in
        let dy = outputGradient + rows.lowerBound * filters
        if let output, activation != .linear {
          activation.backward(
            output: output + rows.lowerBound * filters, gradient: dy,
            count: rows.count * filters, width: filters)
        }
        if let partials {
          im2col(input, rows: rows, into: columns, g)
          GEMM.multiply(
            UnsafePointer(dy), UnsafePointer(columns), into: partials + worker * kernelCount,
            m: filters, n: patch, k: rows.count, transposeA: true, beta: first ? 0 : 1)
        }
        if let inputGradient {
          GEMM.multiply(
            UnsafePointer(dy), kernel, into: windowGradient, m: rows.count, n: patch,
            k: filters, transposeB: true)
          col2im(UnsafePointer(windowGradient), rows: rows, into: inputGradient, g)
        }
        first = false
      }
    }
    if let kernelGradient, let partials {
      for p in 0..<patch {
        for f in 0..<filters {
          var sum = partials[f * patch + p]
          for worker in 1..<count { sum += partials[worker * kernelCount + f * patch + p] }
          kernelGradient[p * filters + f] = sum
        }
      }
    }
    if let biasGradient {
      columnSums(
        outputGradient, rows: g.batch * g.outPixels, columns: filters, into: biasGradient)
    }
  }

  /// `result[j] = sum_i matrix[i, j]` for a row-major matrix.
  @_specialize(where T == Float)
  @_specialize(where T == Double)
  public static func columnSums<T: KernelScalar>(
    _ matrix: UnsafePointer<T>, rows: Int, columns: Int,
    into result: UnsafeMutablePointer<T>
  ) {
    result.update(repeating: 0, count: columns)
    for r in 0..<rows {
      let row = matrix + r * columns
      for c in 0..<columns { result[c] += row[c] }
    }
  }
}

/// The same memory seen as float32, for the float32-only fast paths; only
/// called once `T` is known to be `Float`.
private func floats<T>(_ pointer: UnsafePointer<T>) -> UnsafePointer<Float> {
  UnsafeRawPointer(pointer).assumingMemoryBound(to: Float.self)
}

private func floats<T>(_ pointer: UnsafeMutablePointer<T>) -> UnsafeMutablePointer<Float> {
  UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: Float.self)
}
