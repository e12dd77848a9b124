import Tensors

#if canImport(Glibc)
  import Glibc
#endif

/// A Keras optimizer: applies gradients to trainable variables, keeping
/// its slots (moments, velocities) per variable.
public final class Optimizer {
  /// The update rules.
  public enum Kind: String, Sendable {
    case adam = "Adam", sgd = "SGD", rmsprop = "RMSprop"
  }

  /// Which rule.
  public let kind: Kind
  /// The step size.
  public var learningRate: Double
  /// Adam's beta_1 / beta_2, RMSprop's rho (as beta2).
  public var beta1: Double, beta2: Double
  /// The constant added to denominators.
  public var epsilon: Double
  /// SGD's and RMSprop's momentum.
  public var momentum: Double
  /// Steps taken so far.
  public private(set) var iterations = 0
  private var slots: [ObjectIdentifier: [FloatBuffer]] = [:]
  private var slotValues = 0
  private var slotBytes = 0
  // Keras keeps the learning rate in the float type current when the
  // optimizer is made.
  private let learningRateBytes = FloatPrecision.floatx.itemSize

  /// Makes an optimizer with Keras's defaults for its kind.
  public init(
    _ kind: Kind, learningRate: Double? = nil, beta1: Double = 0.9, beta2: Double = 0.999,
    epsilon: Double = 1e-7, momentum: Double = 0, rho: Double = 0.9
  ) {
    self.kind = kind
    self.learningRate = learningRate ?? (kind == .sgd ? 0.01 : 0.001)
    self.beta1 = beta1
    self.beta2 = kind == .rmsprop ? rho : beta2
    self.epsilon = epsilon
    self.momentum = momentum
  }

  /// Looks an optimizer up by its Keras name (`adam`, `sgd`, `rmsprop`).
  public convenience init?(named name: String) {
    switch name.lowercased() {
    case "adam": self.init(.adam)
    case "sgd": self.init(.sgd)
    case "rmsprop": self.init(.rmsprop)
    default: return nil
    }
  }

  /// Whether the optimizer has made its slots.
  public var isBuilt: Bool { !slots.isEmpty }

  /// The values its variables hold, as `summary()` counts them: slots plus
  /// the iteration counter and the learning rate.
  public var variableCount: Int { slotValues + 2 }

  /// The bytes its variables take: the slots in their variables' dtype,
  /// an int64 counter and the learning rate in `floatx`.
  public var byteCount: Int { slotBytes + 8 + learningRateBytes }

  private func slotCount() -> Int {
    switch kind {
    case .adam: return 2
    case .sgd: return momentum != 0 ? 1 : 0
    case .rmsprop: return momentum != 0 ? 2 : 1
    }
  }

  /// Makes the slots for `variables` (Keras builds on the first step).
  public func build(_ variables: [Variable]) {
    for variable in variables where slots[ObjectIdentifier(variable)] == nil {
      let count = slotCount()
      slots[ObjectIdentifier(variable)] = (0..<count).map { _ in
        variable.dtype == .float64
          ? FloatBuffer(count: variable.count, of: Double.self) : FloatBuffer(count: variable.count)
      }
      slotValues += count * variable.count
      slotBytes += count * variable.byteCount
    }
  }

  /// Applies each variable's gradient once and counts a step.
  public func apply(_ variables: [Variable]) {
    build(variables)
    for variable in variables {
      guard let buffers = slots[ObjectIdentifier(variable)] else { continue }
      if variable.dtype == .float64 {
        update(variable, buffers, as: Double.self)
      } else {
        update(variable, buffers, as: Float.self)
      }
    }
    iterations += 1
  }

  /// One step of the rule on one variable, computed in its dtype.
  private func update<T: KernelScalar>(_ variable: Variable, _ buffers: [FloatBuffer], as: T.Type) {
    let step = T(iterations + 1)
    let lr = T(learningRate)
    let w = variable.value.typed(T.self)
    let g = variable.gradient.typed(T.self)
    let n = variable.count
    switch kind {
    case .adam:
      let b1 = T(beta1)
      let b2 = T(beta2)
      let alpha = lr * (1 - T.power(b2, step)).squareRoot() / (1 - T.power(b1, step))
      let eps = T(epsilon)
      // TODO: Keras takes 1 - beta_1 and 1 - beta_2 in Python's float64 and
      // casts the result, so its float32 1 - 0.999 is 1.3e-5 (relative)
      // closer to 0.001 than this one; matching it changes the seeded lesson
      // transcripts, which would need regenerating with it.
      let m = buffers[0].typed(T.self)
      let v = buffers[1].typed(T.self)
      // Element by element, so splitting across cores keeps results exact.
      KernelThreads.forEachChunk(n, costPerItem: 16) { part in
        for i in part {
          m[i] += (g[i] - m[i]) * (1 - b1)
          v[i] += (g[i] * g[i] - v[i]) * (1 - b2)
          w[i] -= (m[i] * alpha) / (v[i].squareRoot() + eps)
        }
      }
    case .sgd:
      if let velocity = buffers.first?.typed(T.self) {
        let mu = T(momentum)
        for i in 0..<n {
          velocity[i] = -g[i] * lr + velocity[i] * mu
          w[i] += velocity[i]
        }
      } else {
        for i in 0..<n { w[i] -= g[i] * lr }
      }
    case .rmsprop:
      let rho = T(beta2)
      let eps = T(epsilon)
      let velocity = buffers[0].typed(T.self)
      let moment = buffers.count > 1 ? buffers[1].typed(T.self) : nil
      let mu = T(momentum)
      for i in 0..<n {
        velocity[i] = rho * velocity[i] + (1 - rho) * g[i] * g[i]
        let increment = lr * g[i] / (velocity[i] + eps).squareRoot()
        if let moment {
          moment[i] = mu * moment[i] + increment
          w[i] -= moment[i]
        } else {
          w[i] -= increment
        }
      }
    }
  }
}
