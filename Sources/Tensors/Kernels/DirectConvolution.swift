import VectorKernels

/// Conv2D without im2col: register-blocked AVX2 tiles that read windows
/// straight from the images, split across cores by image. It takes the
/// narrow products of small layers (few filters, short windows) that
/// OpenBLAS runs far below its peak, and defers to `Convolution` for the
/// input gradient and for what it does not handle.
public enum DirectConvolution {
  /// Whether the tiles may run; off where the processor lacks AVX2 or FMA,
  /// and settable so that tests can compare against the GEMM path.
  nonisolated(unsafe) public static var isEnabled: Bool = ProcessorFeatures.hasAVX2AndFMA

  /// Whether the tiles handle `g`: unpadded windows that fit the input,
  /// and rows at least one tile wide.
  // TODO: `same` padding and rows narrower than a tile still take the GEMM
  // path; a zero-padded copy of each image would bring them here too.
  public static func handles(_ g: ConvolutionGeometry, filters: Int) -> Bool {
    isEnabled && filters > 0 && g.batch > 0 && g.channels > 0
      && g.padTop == 0 && g.padLeft == 0
      && (g.outHeight - 1) * g.strideY + g.kernelHeight <= g.height
      && (g.outWidth - 1) * g.strideX + g.kernelWidth <= g.width
      && g.outHeight > 0 && g.outWidth >= ConvolutionTiles.tilePixels
  }

  /// The scratch floats the tiles need: padded weights and bias forward;
  /// per worker backward, a padded kernel gradient and a padded copy of
  /// one image's output gradient.
  static func scratchCount(_ g: ConvolutionGeometry, filters: Int) -> Int {
    let padded = shape(g, filters: filters).paddedFilters
    let forward = (g.patchSize + 1) * padded
    return max(forward, workers(g).count * workerScratch(g, padded: padded, filters: filters))
  }

  private static func workerScratch(_ g: ConvolutionGeometry, padded: Int, filters: Int) -> Int {
    g.patchSize * padded + g.outPixels * filters + padded
  }

  /// `Convolution.forward` through the tiles; returns false, having done
  /// nothing, when they do not handle the case or `scratch` is too small.
  public static func forward(
    input: UnsafePointer<Float>, kernel: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
    output: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>,
    filters: Int, geometry g: ConvolutionGeometry, activation: ActivationKernel
  ) -> Bool {
    guard handles(g, filters: filters),
      scratchCount(g, filters: filters) <= Convolution.scratchCount(g, filters: filters)
    else { return false }

    let s = shape(g, filters: filters)
    let padded = s.paddedFilters
    let weights = scratch
    let paddedBias = scratch + g.patchSize * padded
    for k in 0..<g.patchSize {
      let row = weights + k * padded
      row.update(from: kernel + k * filters, count: filters)
      (row + filters).update(repeating: 0, count: padded - filters)
    }
    paddedBias.update(repeating: 0, count: padded)
    if let bias { paddedBias.update(from: bias, count: filters) }

    let relu = activation == .relu
    let imageOutput = g.outPixels * filters
    KernelThreads.forEachChunk(g.batch, costPerItem: 2 * g.outPixels * g.patchSize * padded) {
      images in
      for n in images {
        let out = output + n * imageOutput
        ConvolutionTiles.forwardImage(
          input + n * g.imageSize, weights: weights, bias: paddedBias, output: out,
          outputLimit: (images.upperBound - n) * imageOutput, shape: s, relu: relu)
        if !relu { activation.apply(out, count: imageOutput, width: filters) }
      }
    }
    return true
  }

  /// `Convolution.backward` with the kernel gradient from the tiles and
  /// the input gradient from `Convolution`; returns false, having done
  /// nothing, when the tiles do not handle the case.
  public static func backward(
    input: UnsafePointer<Float>, outputGradient: UnsafeMutablePointer<Float>,
    kernel: UnsafePointer<Float>, scratch: UnsafeMutablePointer<Float>,
    kernelGradient: UnsafeMutablePointer<Float>?, biasGradient: UnsafeMutablePointer<Float>?,
    inputGradient: UnsafeMutablePointer<Float>?, filters: Int, geometry g: ConvolutionGeometry,
    activation: ActivationKernel, output: UnsafePointer<Float>?
  ) -> Bool {
    guard let kernelGradient, handles(g, filters: filters),
      scratchCount(g, filters: filters) <= Convolution.scratchCount(g, filters: filters)
    else { return false }

    let s = shape(g, filters: filters)
    let padded = s.paddedFilters
    let slice = workerScratch(g, padded: padded, filters: filters)
    let imageOutput = g.outPixels * filters
    let (count, chunk) = workers(g)
    let cost = chunk * 2 * g.outPixels * g.patchSize * padded
    KernelThreads.forEachChunk(count, costPerItem: cost) { slots in
      for slot in slots {
        let images = (slot * chunk)..<min(g.batch, slot * chunk + chunk)
        let partial = scratch + slot * slice
        let lastGradient = partial + g.patchSize * padded
        for n in images {
          let dy = outputGradient + n * imageOutput
          if let output, activation != .linear {
            activation.backward(
              output: output + n * imageOutput, gradient: dy, count: imageOutput,
              width: filters)
          }
          // The tiles read whole vectors past each row's filters: the next
          // image's rows, or for the worker's last image, a padded copy.
          var rows = UnsafePointer(dy)
          if n == images.upperBound - 1 && padded != filters {
            lastGradient.update(from: dy, count: imageOutput)
            (lastGradient + imageOutput).update(repeating: 0, count: padded)
            rows = UnsafePointer(lastGradient)
          }
          ConvolutionTiles.kernelGradientImage(
            input + n * g.imageSize, outputGradient: rows, partial: partial,
            accumulate: n != images.lowerBound, shape: s)
        }
      }
    }

    // The workers' partial sums are added in a fixed order, so results do
    // not depend on timing.
    for k in 0..<g.patchSize {
      for f in 0..<filters {
        var sum = scratch[k * padded + f]
        for slot in 1..<max(count, 1) { sum += scratch[slot * slice + k * padded + f] }
        kernelGradient[k * filters + f] = sum
      }
    }
    if let biasGradient {
      Convolution.columnSums(
        outputGradient, rows: g.batch * g.outPixels, columns: filters, into: biasGradient)
    }
    // TODO: the input gradient still goes through GEMM and col2im; as a
    // direct tile it would compute on the zero border of the padded
    // gradient (half the work for the lesson's second layer), so it was
    // not faster there.
    if let inputGradient {
      Convolution.backward(
        input: input, outputGradient: outputGradient, kernel: kernel, scratch: scratch,
        kernelGradient: nil, biasGradient: nil, inputGradient: inputGradient,
        filters: filters, geometry: g)
    }
    return true
  }

  private static func shape(_ g: ConvolutionGeometry, filters: Int) -> ConvolutionShape {
    ConvolutionShape(
      width: g.width, channels: g.channels, kernelHeight: g.kernelHeight,
      kernelWidth: g.kernelWidth, strideY: g.strideY, strideX: g.strideX,
      outHeight: g.outHeight, outWidth: g.outWidth, filters: filters)
  }

  /// How many workers share the batch, and the images each takes.
  private static func workers(_ g: ConvolutionGeometry) -> (count: Int, chunk: Int) {
    let wanted = max(1, min(KernelThreads.workerCount, g.batch))
    let chunk = max(1, (g.batch + wanted - 1) / wanted)
    return (max(1, (g.batch + chunk - 1) / chunk), chunk)
  }
}
