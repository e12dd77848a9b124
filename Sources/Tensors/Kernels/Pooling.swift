/// Max and average pooling over NHWC windows of float32 or float64 values,
/// forward and backward, with TensorFlow's `valid` / `same` padding
/// (padding never wins a max and is left out of an average).
public enum Pooling {
  /// Writes each window's maximum to `output` and the input offset it came
  /// from (within the batch) to `argmax`, for the backward pass.
  @_specialize(where T == Float)
  @_specialize(where T == Double)
  public static func maxForward<T: KernelScalar>(
    _ input: UnsafePointer<T>, into output: UnsafeMutablePointer<T>,
    argmax: UnsafeMutablePointer<Int32>?, geometry g: ConvolutionGeometry
  ) {
    let c = g.channels
    KernelThreads.forEachChunk(g.batch, costPerItem: g.outPixels * c * 4) { images in
      for n in images {
        let imageBase = n * g.imageSize
        for oy in 0..<g.outHeight {
          let y0 = max(oy * g.strideY - g.padTop, 0)
          let y1 = min(oy * g.strideY - g.padTop + g.kernelHeight, g.height)
          for ox in 0..<g.outWidth {
            let x0 = max(ox * g.strideX - g.padLeft, 0)
            let x1 = min(ox * g.strideX - g.padLeft + g.kernelWidth, g.width)
            let out = ((n * g.outHeight + oy) * g.outWidth + ox) * c
            let best = output + out
            // The first cell of the window seeds the maxima; later cells
            // replace them only when strictly greater, as TensorFlow does.
            let seed = imageBase + (y0 * g.width + x0) * c
            best.update(from: input + seed, count: c)
            if let argmax {
              for ch in 0..<c { argmax[out + ch] = Int32(truncatingIfNeeded: seed + ch) }
            }
            for y in y0..<y1 {
              for x in x0..<x1 {
                let cellBase = imageBase + (y * g.width + x) * c
                let cell = input + cellBase
                if let argmax {
                  for ch in 0..<c where cell[ch] > best[ch] {
                    best[ch] = cell[ch]
                    argmax[out + ch] = Int32(truncatingIfNeeded: cellBase + ch)
                  }
                } else {
                  for ch in 0..<c { best[ch] = max(best[ch], cell[ch]) }
                }
              }
            }
          }
        }
      }
    }
  }

  /// Routes each output gradient to the input element that won the max;
  /// `inputGradient` is overwritten.
  @_specialize(where T == Float)
  @_specialize(where T == Double)
  public static func maxBackward<T: KernelScalar>(
    _ outputGradient: UnsafePointer<T>, argmax: UnsafePointer<Int32>,
    into inputGradient: UnsafeMutablePointer<T>, geometry g: ConvolutionGeometry
  ) {
    inputGradient.update(repeating: 0, count: g.batch * g.imageSize)
    let total = g.batch * g.outPixels * g.channels
    for i in 0..<total { inputGradient[Int(argmax[i])] += outputGradient[i] }
  }

  /// Writes each window's mean over the input elements it covers.
  @_specialize(where T == Float)
  @_specialize(where T == Double)
  public static func averageForward<T: KernelScalar>(
    _ input: UnsafePointer<T>, into output: UnsafeMutablePointer<T>,
    geometry g: ConvolutionGeometry
  ) {
    let c = g.channels
    KernelThreads.forEachChunk(g.batch, costPerItem: g.outPixels * c * 4) { images in
      for n in images {
        let image = input + n * g.imageSize
        for oy in 0..<g.outHeight {
          let y0 = max(oy * g.strideY - g.padTop, 0)
          let y1 = min(oy * g.strideY - g.padTop + g.kernelHeight, g.height)
          for ox in 0..<g.outWidth {
            let x0 = max(ox * g.strideX - g.padLeft, 0)
            let x1 = min(ox * g.strideX - g.padLeft + g.kernelWidth, g.width)
            let out = output + ((n * g.outHeight + oy) * g.outWidth + ox) * c
            out.update(repeating: 0, count: c)
            for y in y0..<y1 {
              for x in x0..<x1 {
                let cell = image + (y * g.width + x) * c
                for ch in 0..<c { out[ch] += cell[ch] }
              }
            }
            let scale = 1 / T(max((y1 - y0) * (x1 - x0), 1))
            for ch in 0..<c { out[ch] *= scale }
          }
        }
      }
    }
  }

  /// Spreads each output gradient evenly over its window; `inputGradient`
  /// is overwritten.
  @_specialize(where T == Float)
  @_specialize(where T == Double)
  public static func averageBackward<T: KernelScalar>(
    _ outputGradient: UnsafePointer<T>, into inputGradient: UnsafeMutablePointer<T>,
    geometry g: ConvolutionGeometry
  ) {
    let c = g.channels
    inputGradient.update(repeating: 0, count: g.batch * g.imageSize)
    for n in 0..<g.batch {
      let image = inputGradient + n * g.imageSize
      for oy in 0..<g.outHeight {
        let y0 = max(oy * g.strideY - g.padTop, 0)
        let y1 = min(oy * g.strideY - g.padTop + g.kernelHeight, g.height)
        for ox in 0..<g.outWidth {
          let x0 = max(ox * g.strideX - g.padLeft, 0)
          let x1 = min(ox * g.strideX - g.padLeft + g.kernelWidth, g.width)
          let grad = outputGradient + ((n * g.outHeight + oy) * g.outWidth + ox) * c
          let scale = 1 / T(max((y1 - y0) * (x1 - x0), 1))
          for y in y0..<y1 {
            for x in x0..<x1 {
              let cell = image + (y * g.width + x) * c
              for ch in 0..<c { cell[ch] += grad[ch] * scale }
            }
          }
        }
      }
    }
  }
}
