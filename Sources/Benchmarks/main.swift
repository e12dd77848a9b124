import CBLAS
import Tensors

#if canImport(Glibc)
  import Glibc
#endif

// Kernel measurements for scripts/bench. Each line reads
// `RESULT name value`: seconds for timings, GFLOP/s for rates.

/// Seconds on a monotonic clock.
func now() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

/// The fastest of `repeats` runs of `body`, in seconds.
func fastest(_ repeats: Int, _ body: () throws -> Void) rethrows -> Double {
  var best = Double.infinity
  for _ in 0..<repeats {
    let start = now()
    try body()
    best = min(best, now() - start)
  }
  return best
}

/// The fastest run of `body` over at least `seconds` and 10 runs: single
/// calls of a millisecond are at the mercy of a moment's scheduling.
func fastest(seconds: Double, _ body: () -> Void) -> Double {
  var best = Double.infinity
  var runs = 0
  let end = now() + seconds
  while runs < 10 || now() < end {
    let start = now()
    body()
    best = min(best, now() - start)
    runs += 1
  }
  return best
}

func report(_ name: String, _ value: Double) {
  print("RESULT \(name) \(value)")
}

func randomArray(_ shape: [Int], _ generator: inout RandomGenerator) throws -> NDArray {
  let count = shape.reduce(1, *)
  return try NDArray((0..<count).map { _ in generator.nextFloat() }, shape: shape)
}

func measureGEMM(size: Int, generator: inout RandomGenerator) throws {
  let a = try randomArray([size, size], &generator)
  let b = try randomArray([size, size], &generator)
  let left = a.values(as: Float.self)
  let right = b.values(as: Float.self)
  var product = [Float](repeating: 0, count: size * size)

  // The two take turns, so that a burst of load elsewhere on the machine
  // falls on both rather than on whichever ran then.
  var runtime = Double.infinity
  var direct = Double.infinity
  for _ in 0..<(size > 1024 ? 4 : 10) {
    runtime = min(runtime, try fastest(1) { _ = try NDArray.matmul(a, b) })
    direct = min(
      direct,
      fastest(1) {
        cblas_sgemm(
          CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(size), Int32(size), Int32(size),
          1, left, Int32(size), right, Int32(size), 0, &product, Int32(size))
      })
  }
  report("sgemm_\(size)", runtime)
  report("sgemm_\(size)_direct", direct)
  report("sgemm_\(size)_gflops", 2 * pow(Double(size), 3) / direct / 1e9)
}

func measureConvolution(
  name: String, height: Int, channels: Int, filters: Int, inputGradient: Bool,
  generator: inout RandomGenerator
) throws {
  let g = try ConvolutionGeometry(
    batch: 32, height: height, width: height, channels: channels,
    kernelHeight: 5, kernelWidth: 5, strideY: 1, strideX: 1, same: false)
  func buffer(_ count: Int) -> [Float] { (0..<count).map { _ in generator.nextFloat() } }
  let input = buffer(g.batch * g.imageSize)
  let kernel = buffer(g.patchSize * filters)
  let bias = buffer(filters)
  var output = [Float](repeating: 0, count: g.batch * g.outPixels * filters)
  var scratch = [Float](repeating: 0, count: Convolution.scratchCount(g, filters: filters))
  var kernelGradient = [Float](repeating: 0, count: g.patchSize * filters)
  var biasGradient = [Float](repeating: 0, count: filters)
  var gradientIn = [Float](repeating: 0, count: g.batch * g.imageSize)
  var outputGradient = buffer(output.count)

  let flops = 2.0 * Double(g.batch * g.outPixels * g.patchSize * filters)
  let forward = fastest(seconds: 0.5) {
    Convolution.forward(
      input: input, kernel: kernel, bias: bias, output: &output, scratch: &scratch,
      filters: filters, geometry: g)
  }
  let backward = fastest(seconds: 0.5) {
    gradientIn.withUnsafeMutableBufferPointer { inputGrad in
      Convolution.backward(
        input: input, outputGradient: &outputGradient, kernel: kernel, scratch: &scratch,
        kernelGradient: &kernelGradient, biasGradient: &biasGradient,
        inputGradient: inputGradient ? inputGrad.baseAddress : nil,
        filters: filters, geometry: g)
    }
  }
  report("\(name)_forward_gflops", flops / forward / 1e9)
  report("\(name)_backward_gflops", flops * (inputGradient ? 2 : 1) / backward / 1e9)
}

var generator = RandomGenerator(seed: 1)
do {
  try measureGEMM(size: 1024, generator: &generator)
  try measureGEMM(size: 2048, generator: &generator)
  // As in `fit`: the kernels split images across cores themselves.
  try GEMM.singleThreaded {
    try measureConvolution(
      name: "conv1", height: 32, channels: 3, filters: 15, inputGradient: false,
      generator: &generator)
    try measureConvolution(
      name: "conv2", height: 14, channels: 15, filters: 60, inputGradient: true,
      generator: &generator)
    try measureConvolution(
      name: "conv2_unpooled", height: 28, channels: 15, filters: 60, inputGradient: true,
      generator: &generator)
  }
} catch {
  print("benchmark failed: \(error)")
  exit(1)
}
