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

/// Conv2D forward and backward through im2col and one large GEMM.
public enum Convolution {
  /// Copies every window of every image into rows of `columns`
  /// (`batch * outPixels` rows of `patchSize`), zeros where padding.
  public static func im2col(
    _ input: UnsafePointer<Float>, into columns: UnsafeMutablePointer<Float>,
    _ g: ConvolutionGeometry, parallel: Bool = true
  ) {
    let patch = g.patchSize
    let cost = parallel ? g.outPixels * patch : 0
    KernelThreads.forEachChunk(g.batch, costPerItem: cost) { images in
      for n in images {
        let image = input + n * g.imageSize
        var row = columns + n * g.outPixels * patch
        for oy in 0..<g.outHeight {
          for ox in 0..<g.outWidth {
            copyWindow(image, oy: oy, ox: ox, into: row, g)
            row += patch
          }
        }
      }
    }
  }

  @inline(__always)
  private static func copyWindow(
    _ image: UnsafePointer<Float>, oy: Int, ox: Int,
    into row: UnsafeMutablePointer<Float>, _ g: ConvolutionGeometry
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
        target.update(from: image + (y * g.width + x0) * g.channels, count: rowLength)
        continue
      }
      for kx in 0..<g.kernelWidth {
        let x = x0 + kx
        let cell = target + kx * g.channels
        if x < 0 || x >= g.width {
          cell.update(repeating: 0, count: g.channels)
        } else {
          cell.update(from: image + (y * g.width + x) * g.channels, count: g.channels)
        }
      }
    }
  }

  /// Adds every row of `columns` back onto the windows it came from; the
  /// inverse of `im2col` for gradients. `output` is overwritten.
  public static func col2im(
    _ columns: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>,
    _ g: ConvolutionGeometry, parallel: Bool = true
  ) {
    let patch = g.patchSize
    let cost = parallel ? g.outPixels * patch : 0
    KernelThreads.forEachChunk(g.batch, costPerItem: cost) { images in
      for n in images {
        let image = output + n * g.imageSize
        image.update(repeating: 0, count: g.imageSize)
        var row = columns + n * g.outPixels * patch
        for oy in 0..<g.outHeight {
          for ox in 0..<g.outWidth {
            addWindow(row, into: image, oy: oy, ox: ox, g)
            row += patch
          }
        }
      }
    }
  }

  @inline(__always)
  private static func addWindow(
    _ row: UnsafePointer<Float>, into image: UnsafeMutablePointer<Float>,
    oy: Int, ox: Int, _ g: ConvolutionGeometry
  ) {
    let x0 = ox * g.strideX - g.padLeft
    for ky in 0..<g.kernelHeight {
      let y = oy * g.strideY - g.padTop + ky
      if y < 0 || y >= g.height { continue }
      for kx in 0..<g.kernelWidth {
        let x = x0 + kx
        if x < 0 || x >= g.width { continue }
        let source = row + (ky * g.kernelWidth + kx) * g.channels
        let target = image + (y * g.width + x) * g.channels
        for c in 0..<g.channels { target[c] += source[c] }
      }
    }
  }

  /// `output = conv(input, kernel) + bias`: input NHWC, kernel
  /// (kh, kw, in, out), output (batch, outH, outW, filters). `columns`
  /// must hold `batch * outPixels * patchSize` floats and keeps the
  /// windows for the backward pass. Images are split across the workers,
  /// each running its own single-threaded GEMM.
  public static func forward(
    input: UnsafePointer<Float>, kernel: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
    output: UnsafeMutablePointer<Float>, columns: UnsafeMutablePointer<Float>,
    filters: Int, geometry g: ConvolutionGeometry
  ) {
    let patch = g.patchSize
    let cost = g.outPixels * patch * filters
    KernelThreads.forEachChunk(g.batch, costPerItem: cost) { images in
      var part = g
      part.batch = images.count
      let firstRow = images.lowerBound * g.outPixels
      let rows = images.count * g.outPixels
      let cols = columns + firstRow * patch
      let out = output + firstRow * filters
      im2col(input + images.lowerBound * g.imageSize, into: cols, part, parallel: false)
      var beta: Float = 0
      if let bias {
        for r in 0..<rows { (out + r * filters).update(from: bias, count: filters) }
        beta = 1
      }
      GEMM.multiply(
        UnsafePointer(cols), kernel, into: out, m: rows, n: filters, k: patch, beta: beta)
    }
  }

  /// The gradients of `forward`: `kernelGradient` (kh, kw, in, out) and
  /// `biasGradient` (out) are overwritten; `inputGradient`, when given, is
  /// overwritten too. `columns` must still hold the forward windows; it is
  /// used as scratch afterwards.
  public static func backward(
    outputGradient: UnsafePointer<Float>, kernel: UnsafePointer<Float>,
    columns: UnsafeMutablePointer<Float>, kernelGradient: UnsafeMutablePointer<Float>?,
    biasGradient: UnsafeMutablePointer<Float>?, inputGradient: UnsafeMutablePointer<Float>?,
    filters: Int, geometry g: ConvolutionGeometry
  ) {
    let patch = g.patchSize
    let kernelCount = patch * filters
    // Each worker sums its images' kernel gradient into its own slice;
    // the slices are added up afterwards.
    let workers = max(1, min(KernelThreads.workerCount, g.batch))
    let partials = UnsafeMutablePointer<Float>.allocate(capacity: max(workers * kernelCount, 1))
    partials.initialize(repeating: 0, count: max(workers * kernelCount, 1))
    defer { partials.deallocate() }
    let chunk = (g.batch + workers - 1) / workers
    let cost = g.outPixels * patch * filters * 2
    KernelThreads.forEachChunk(workers, costPerItem: chunk * cost) { slots in
      for slot in slots {
        let first = slot * chunk
        let last = min(g.batch, first + chunk)
        guard first < last else { continue }
        var part = g
        part.batch = last - first
        let firstRow = first * g.outPixels
        let rows = part.batch * g.outPixels
        let cols = columns + firstRow * patch
        let dy = outputGradient + firstRow * filters
        if kernelGradient != nil {
          GEMM.multiply(
            UnsafePointer(cols), dy, into: partials + slot * kernelCount, m: patch, n: filters,
            k: rows, transposeA: true)
        }
        if let inputGradient {
          GEMM.multiply(dy, kernel, into: cols, m: rows, n: patch, k: filters, transposeB: true)
          col2im(
            UnsafePointer(cols), into: inputGradient + first * g.imageSize, part, parallel: false)
        }
      }
    }
    if let kernelGradient {
      kernelGradient.update(from: partials, count: kernelCount)
      for slot in 1..<workers {
        let source = partials + slot * kernelCount
        for i in 0..<kernelCount { kernelGradient[i] += source[i] }
      }
    }
    if let biasGradient {
      columnSums(
        outputGradient, rows: g.batch * g.outPixels, columns: filters, into: biasGradient)
    }
  }

  /// `result[j] = sum_i matrix[i, j]` for a row-major matrix.
  public static func columnSums(
    _ matrix: UnsafePointer<Float>, rows: Int, columns: Int,
    into result: UnsafeMutablePointer<Float>
  ) {
    result.update(repeating: 0, count: columns)
    for r in 0..<rows {
      let row = matrix + r * columns
      for c in 0..<columns { result[c] += row[c] }
    }
  }
}
