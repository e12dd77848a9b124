import Tensors
import XCTest

/// The direct (register-tile) convolution against sums worked by hand and
/// against the im2col + GEMM path, on shapes that exercise its edges:
/// filter counts that do not fill a tile, rows that end mid-tile, strides,
/// one image and odd batches split across workers.
final class DirectConvolutionTests: XCTestCase {
  private var wasEnabled = DirectConvolution.isEnabled

  override func setUp() { wasEnabled = DirectConvolution.isEnabled }
  override func tearDown() { DirectConvolution.isEnabled = wasEnabled }

  /// Results of one forward and backward pass.
  private struct Pass {
    var output: [Float]
    var kernelGradient: [Float]
    var biasGradient: [Float]
    var inputGradient: [Float]
  }

  private func run(
    _ g: ConvolutionGeometry, filters: Int, activation: ActivationKernel, direct: Bool,
    seed: UInt64
  ) -> Pass {
    DirectConvolution.isEnabled = direct && wasEnabled
    defer { DirectConvolution.isEnabled = wasEnabled }
    var generator = RandomGenerator(seed: seed)
    func buffer(_ count: Int) -> [Float] {
      (0..<count).map { _ in generator.nextFloat() * 2 - 1 }
    }
    let input = buffer(g.batch * g.imageSize)
    let kernel = buffer(g.patchSize * filters)
    let bias = buffer(filters)
    var upstream = buffer(g.batch * g.outPixels * filters)
    var output = [Float](repeating: 0, count: upstream.count)
    var scratch = [Float](repeating: 0, count: Convolution.scratchCount(g, filters: filters))
    var kernelGradient = [Float](repeating: 0, count: kernel.count)
    var biasGradient = [Float](repeating: 0, count: filters)
    var inputGradient = [Float](repeating: 0, count: input.count)
    Convolution.forward(
      input: input, kernel: kernel, bias: bias, output: &output, scratch: &scratch,
      filters: filters, geometry: g, activation: activation)
    inputGradient.withUnsafeMutableBufferPointer { dx in
      Convolution.backward(
        input: input, outputGradient: &upstream, kernel: kernel, scratch: &scratch,
        kernelGradient: &kernelGradient, biasGradient: &biasGradient,
        inputGradient: dx.baseAddress, filters: filters, geometry: g,
        activation: activation, output: output)
    }
    return Pass(
      output: output, kernelGradient: kernelGradient, biasGradient: biasGradient,
      inputGradient: inputGradient)
  }

  private func assertClose(
    _ a: [Float], _ b: [Float], _ what: String, line: UInt = #line
  ) {
    XCTAssertEqual(a.count, b.count, what, line: line)
    let scale = max(b.map { abs($0) }.max() ?? 1, 1)
    var worst: Float = 0
    for i in a.indices { worst = max(worst, abs(a[i] - b[i])) }
    XCTAssertLessThan(worst / scale, 2e-5, "\(what) differs by \(worst)", line: line)
  }

  private func compare(
    batch: Int, height: Int, width: Int, channels: Int, kernel: (Int, Int),
    strides: (Int, Int) = (1, 1), filters: Int, activation: ActivationKernel = .relu,
    line: UInt = #line
  ) throws {
    let g = try ConvolutionGeometry(
      batch: batch, height: height, width: width, channels: channels,
      kernelHeight: kernel.0, kernelWidth: kernel.1, strideY: strides.0, strideX: strides.1,
      same: false)
    if wasEnabled { XCTAssertTrue(DirectConvolution.handles(g, filters: filters), line: line) }
    let fast = run(g, filters: filters, activation: activation, direct: true, seed: 7)
    let reference = run(g, filters: filters, activation: activation, direct: false, seed: 7)
    assertClose(fast.output, reference.output, "output", line: line)
    assertClose(fast.kernelGradient, reference.kernelGradient, "kernel gradient", line: line)
    assertClose(fast.biasGradient, reference.biasGradient, "bias gradient", line: line)
    assertClose(fast.inputGradient, reference.inputGradient, "input gradient", line: line)
  }

  func testLessonFirstLayerMatchesGEMM() throws {
    try compare(batch: 5, height: 32, width: 32, channels: 3, kernel: (5, 5), filters: 15)
  }

  func testLessonSecondLayerMatchesGEMM() throws {
    try compare(batch: 3, height: 14, width: 14, channels: 15, kernel: (5, 5), filters: 60)
  }

  func testOddShapesMatchGEMM() throws {
    // 7 outputs per row: one tile and a shifted one; 3 and 17 filters
    // leave most or one lane of a tile empty.
    try compare(
      batch: 1, height: 9, width: 11, channels: 2, kernel: (3, 5), filters: 3,
      activation: .linear)
    try compare(
      batch: 7, height: 10, width: 16, channels: 4, kernel: (3, 3), strides: (2, 2),
      filters: 17, activation: .sigmoid)
    try compare(batch: 2, height: 8, width: 8, channels: 1, kernel: (2, 2), filters: 32)
  }

  func testAllOnesGiveWindowSizePlusBias() throws {
    // Every output is the 2*3*3 = 18 ones of a window plus the bias 0.5;
    // with an upstream gradient of ones, each kernel entry collects one
    // input per output (2 images * 6 * 6 = 72) and each bias entry 72.
    let g = try ConvolutionGeometry(
      batch: 2, height: 8, width: 8, channels: 2, kernelHeight: 3, kernelWidth: 3,
      strideY: 1, strideX: 1, same: false)
    let filters = 5
    let input = [Float](repeating: 1, count: g.batch * g.imageSize)
    let kernel = [Float](repeating: 1, count: g.patchSize * filters)
    let bias = [Float](repeating: 0.5, count: filters)
    var output = [Float](repeating: 0, count: g.batch * g.outPixels * filters)
    var scratch = [Float](repeating: 0, count: Convolution.scratchCount(g, filters: filters))
    Convolution.forward(
      input: input, kernel: kernel, bias: bias, output: &output, scratch: &scratch,
      filters: filters, geometry: g)
    XCTAssertEqual(output, [Float](repeating: 18.5, count: output.count))

    var upstream = [Float](repeating: 1, count: output.count)
    var kernelGradient = [Float](repeating: 0, count: kernel.count)
    var biasGradient = [Float](repeating: 0, count: filters)
    Convolution.backward(
      input: input, outputGradient: &upstream, kernel: kernel, scratch: &scratch,
      kernelGradient: &kernelGradient, biasGradient: &biasGradient, inputGradient: nil,
      filters: filters, geometry: g)
    XCTAssertEqual(kernelGradient, [Float](repeating: 72, count: kernel.count))
    XCTAssertEqual(biasGradient, [Float](repeating: 72, count: filters))
  }
}
