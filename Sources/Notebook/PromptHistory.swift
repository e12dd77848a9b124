import Language

/// IPython's names for earlier inputs and results at the prompt: `In`,
/// `Out`, `_`, `__`, `___`, `_N`, `_i`, `_ii`, `_iii` and `_iN`.
final class PromptHistory {
  private let interpreter: Interpreter
  private let inputs = PyList([.string("")])
  private let outputs = PyDict()
  private var recentOutputs: [Value] = []

  /// Defines the names, empty, as IPython does before the first input.
  init(interpreter: Interpreter) {
    self.interpreter = interpreter
    interpreter.setGlobal("In", .object(inputs))
    interpreter.setGlobal("Out", .object(outputs))
    for name in ["_", "__", "___", "_i", "_ii", "_iii"] {
      interpreter.setGlobal(name, .string(""))
    }
  }

  /// Notes input `number` before it runs.
  func recordInput(_ text: String, number: Int) {
    while inputs.items.count < number { inputs.items.append(.string("")) }
    if inputs.items.count == number {
      inputs.items.append(.string(text))
    } else {
      inputs.items[number] = .string(text)
    }
    let earlier = { (back: Int) -> Value in
      number - back >= 0 ? self.inputs.items[number - back] : .string("")
    }
    interpreter.setGlobal("_i", earlier(1))
    interpreter.setGlobal("_ii", earlier(2))
    interpreter.setGlobal("_iii", earlier(3))
    interpreter.setGlobal("_i\(number)", .string(text))
  }

  /// Notes the value input `number` showed as `Out[number]`.
  func recordOutput(_ value: Value, number: Int) {
    try? outputs.set(.int(number), value)
    interpreter.setGlobal("_\(number)", value)
    recentOutputs = Array(([value] + recentOutputs).prefix(3))
    for (name, index) in [("_", 0), ("__", 1), ("___", 2)] where index < recentOutputs.count {
      interpreter.setGlobal(name, recentOutputs[index])
    }
  }
}
