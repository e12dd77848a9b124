import Foundation
import Language
import Library
import Support

/// Reads choices from the fuzzer's bytes; once they run out, every choice
/// is the first one, so short inputs make short programs.
private struct Choices {
  var bytes: [UInt8]
  var index = 0

  mutating func byte() -> Int {
    guard index < bytes.count else { return 0 }
    defer { index += 1 }
    return Int(bytes[index])
  }

  var exhausted: Bool { index >= bytes.count }

  mutating func pick<T>(_ options: [T]) -> T { options[byte() % options.count] }

  mutating func dim() -> Int { pick([0, 1, 1, 2, 2, 3, 4, 5, 7]) }

  mutating func shape() -> String {
    let rank = pick([0, 1, 1, 2, 2, 3, 4])
    let dims = (0..<rank).map { _ in String(dim()) }
    return rank == 1 ? "(\(dims[0]),)" : "(" + dims.joined(separator: ", ") + ")"
  }

  mutating func number() -> String {
    pick([
      "0", "1", "-1", "2", "0.5", "-3.25", "1e308", "-1e308", "np.nan", "np.inf", "-np.inf",
      "10**20", "True", "None", "'a'",
    ])
  }

  mutating func axis() -> String { pick(["0", "1", "-1", "2", "-3", "5", "None", "(0, 1)"]) }

  mutating func subscriptText() -> String {
    pick([
      "0", "-1", "1", "3", "-7", ":", "1:", "::-1", "::2", "None", "...", "[0, 1]",
      "0, 0", ":, 1", "np.array([True])", "1.5", "10**19",
    ])
  }

  mutating func dtype() -> String {
    pick([
      "'float32'", "'float64'", "'int64'", "'int32'", "'uint8'", "'bool'", "np.float32",
      "'float16'", "'int8'",
    ])
  }

  mutating func variable() -> String { pick(["a", "b", "c", "m", "x"]) }
}

private let reductions = [
  "sum", "mean", "max", "min", "argmax", "std", "cumsum", "sort", "prod", "var",
]

private let losses = [
  "'mse'", "'sparse_categorical_crossentropy'", "'categorical_crossentropy'",
  "'binary_crossentropy'",
]

/// One statement of the program, built from the choices.
private func statement(_ c: inout Choices) -> String {
  let v = c.variable()
  let w = c.variable()
  switch c.byte() % 30 {
  case 0: return "\(v) = np.zeros(\(c.shape()), dtype=\(c.dtype()))"
  case 1: return "\(v) = np.ones(\(c.shape())) * \(c.number())"
  case 2: return "\(v) = np.arange(\(c.dim() * 3)).reshape(\(c.shape()))"
  case 3: return "\(v) = np.random.rand(\(c.dim()), \(c.dim()))"
  case 4:
    return
      "\(v) = \(w) \(c.pick(["+", "-", "*", "/", "//", "%", "**", "@", ">", "=="])) \(c.variable())"
  case 5: return "\(v) = \(w)[\(c.subscriptText())]"
  case 6: return "\(v)[\(c.subscriptText())] = \(c.number())"
  case 7:
    let name = c.pick(reductions)
    return "\(v) = np.\(name)(\(w), axis=\(c.axis()))"
  case 8: return "\(v) = np.concatenate([\(w), \(c.variable())], axis=\(c.axis()))"
  case 9: return "\(v) = np.\(c.pick(["stack", "vstack", "hstack"]))([\(w), \(c.variable())])"
  case 10: return "\(v) = \(w).reshape(\(c.shape()))"
  case 11: return "\(v) = \(w).astype(\(c.dtype()))"
  case 12: return "\(v) = np.transpose(\(w))"
  case 13:
    return
      "\(v) = np.\(c.pick(["sqrt", "exp", "log", "tanh", "abs", "sign", "floor", "isnan"]))(\(w))"
  case 14: return "\(v) = np.expand_dims(\(w), \(c.axis()))"
  case 15: return "\(v) = np.where(\(w) > 0, \(c.variable()), \(c.number()))"
  case 16: return "\(v) = np.array([\(c.number()), \(c.number())])"
  case 17: return "\(v) = np.clip(\(w), \(c.number()), \(c.number()))"
  case 18:
    return """
      m = keras.Sequential([keras.Input(\(c.shape())), \(layer(&c)), \(layer(&c)), \
      layers.Dense(\(c.dim()), activation='softmax')])
      """
  case 19:
    return "m.compile(optimizer=\(c.pick(["'adam'", "'sgd'", "'rmsprop'", "'x'"])), "
      + "loss=\(c.pick(losses)), "
      + "metrics=['accuracy'])"
  case 20:
    return "h = m.fit(\(w), \(c.variable()), epochs=\(c.pick(["1", "0", "2"])), "
      + "batch_size=\(c.pick(["1", "2", "32", "0", "-1"])), verbose=0)"
  case 21: return "\(v) = m.predict(\(w), verbose=0)"
  case 22: return "\(v) = m.evaluate(\(w), \(c.variable()), verbose=0)"
  case 23: return "plt.\(c.pick(["plot", "scatter", "bar", "hist", "imshow"]))(\(w))"
  case 24: return "plt.plot(\(w), \(c.variable()))\nplt.show()"
  case 25: return "plt.imshow(\(w), cmap=\(c.pick(["'gray'", "'viridis'", "'nope'"])))\nplt.show()"
  case 26: return "\(v) = keras.utils.to_categorical(\(w), \(c.dim()))"
  case 27: return "\(v) = np.matmul(\(w), \(c.variable()))"
  case 28:
    return "with h5py.File(path, 'w') as f:\n    f.create_dataset('d', data=\(w))\n"
      + "with h5py.File(path, 'r') as f:\n    \(v) = f['d'][\(c.subscriptText())]"
  default: return "\(v) = \(c.number())"
  }
}

/// A layer with random hyperparameters, some of them invalid.
private func layer(_ c: inout Choices) -> String {
  let padding = c.pick(["'valid'", "'same'", "'full'"])
  let stride = c.pick(["1", "2", "3", "0"])
  switch c.byte() % 6 {
  case 0: return "layers.Dense(\(c.dim()), activation=\(c.pick(["'relu'", "'tanh'", "None"])))"
  case 1: return "layers.Conv2D(\(c.dim()), \(c.dim()), strides=\(stride), padding=\(padding))"
  case 2: return "layers.MaxPool2D(\(c.dim()), strides=\(stride), padding=\(padding))"
  case 3: return "layers.AveragePooling2D(\(c.dim()), padding=\(padding))"
  case 4: return "layers.Flatten()"
  default: return "layers.Dropout(\(c.pick(["0.0", "0.5", "0.99", "1.0", "-0.5"])))"
  }
}

private let prelude = """
  import numpy as np
  import h5py
  import matplotlib.pyplot as plt
  from tensorflow import keras
  from tensorflow.keras import layers
  a = np.ones((2, 3))
  b = np.arange(4)
  c = np.array([np.nan, np.inf, -1.0])
  x = np.zeros((0, 2))
  m = None

  """

private let path = NSTemporaryDirectory() + "fuzz-eval-\(getpid()).h5"

/// Builds a short program from the bytes and runs it; each statement runs
/// in its own `try`, so one error does not hide the rest.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEval(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  var choices = Choices(bytes: Array(UnsafeBufferPointer(start: data, count: size)))
  var program = prelude
  var count = 0
  while !choices.exhausted && count < 12 {
    let body = statement(&choices).split(separator: "\n").map { "    " + $0 }
    program += "try:\n" + body.joined(separator: "\n") + "\nexcept Exception:\n    pass\n"
    count += 1
  }
  if ProcessInfo.processInfo.environment["FUZZ_SHOW"] != nil { print(program) }

  Console.shared.redirect = { _ in }
  let interpreter = Interpreter(modules: BuiltinModules())
  interpreter.recursionLimit = 50
  interpreter.setGlobal("path", .string(path))
  do {
    _ = try interpreter.run(program, origin: SourceOrigin(file: "<fuzz>"), display: .script)
  } catch {
    // Only non-Exception errors (KeyboardInterrupt, SystemExit) escape.
  }
  return 0
}
