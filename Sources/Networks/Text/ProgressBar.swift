import Support

/// Keras 3's progress bar (`10/10 ━━━━━━━━━━━━━━━━━━━━ 0s 5ms/step -
/// accuracy: 0.9073 - loss: 0.2015`): redrawn in place on a terminal; on
/// anything else only its final line is written, padded as the redrawn
/// line would have been.
public final class ProgressBar {
  private let target: Int
  private let verbose: Int
  private let console: Console
  private let width = 20
  private let interval = 0.05
  private let start: Double
  private var lastUpdate = 0.0
  private var timeAfterFirstStep: Double?
  private var previousWidth = 0

  /// Makes a bar for `target` steps at Keras's verbosity (1 bar, 2 one line).
  public init(target: Int, verbose: Int, console: Console = .shared) {
    self.target = max(target, 1)
    self.verbose = verbose
    self.console = console
    start = monotonicSeconds()
  }

  /// Reports progress after step `current` with the values to show;
  /// `finalize` ends the bar with a newline; `force` redraws even when the
  /// last redraw was a moment ago, so the bar shows the step a message
  /// after it names.
  public func update(
    _ current: Int, finalize: Bool = false, force: Bool = false,
    values: () -> [(String, Double)]
  ) {
    let now = monotonicSeconds()
    let perStep = stepDuration(current, now)
    if verbose == 2 {
      guard finalize else { return }
      var line = counter(current) + " - " + cFormat("%.0f", now - start) + "s -"
      line += formatTime(perStep)
      line += formatValues(values(), absolute: false)
      console.write(line + "\n")
      return
    }
    guard verbose == 1 else { return }
    if now - lastUpdate < interval && !finalize && !force { return }
    lastUpdate = now

    let color = console.usesColor
    let done = min(width, Int(Double(width) * Double(current) / Double(target)))
    var bar = bold(counter(current), color) + " "
    var plainWidth = counter(current).count + 1
    if done > 0 {
      bar += paint(String(repeating: "━", count: done), "\u{1B}[32m", color)
    }
    bar += paint(String(repeating: "━", count: width - done), "\u{1B}[37m", color)
    plainWidth += width

    var info: String
    var infoPlain: String
    if !finalize {
      let eta = perStep * Double(target - current)
      let text: String
      if eta > 3600 {
        let whole = Int(eta)
        text = "\(whole / 3600):" + twoDigits((whole % 3600) / 60) + ":" + twoDigits(whole % 60)
      } else if eta > 60 {
        let whole = Int(eta)
        text = "\(whole / 60):" + twoDigits(whole % 60)
      } else {
        text = "\(Int(eta))s"
      }
      infoPlain = " " + text
      info = " " + bold(text, color)
    } else {
      let text = cFormat("%.0f", now - start) + "s"
      infoPlain = " " + text
      info = " " + bold(text, color)
    }
    let rest = formatTime(perStep) + formatValues(values(), absolute: true)
    info += rest
    infoPlain += rest

    let totalWidth = plainWidth + infoPlain.count
    var line = bar + info
    if previousWidth > totalWidth {
      line += String(repeating: " ", count: previousWidth - totalWidth)
    }
    if console.isTerminal {
      let erase = String(repeating: "\u{8}", count: previousWidth) + "\r"
      console.write(erase + line + (finalize ? "\n" : ""))
    } else if finalize {
      console.write(line + "\n")
    }
    previousWidth = totalWidth
  }

  private func counter(_ current: Int) -> String {
    let digits = String(target).count
    let text = String(current)
    return String(repeating: " ", count: max(0, digits - text.count)) + text + "/\(target)"
  }

  private func stepDuration(_ current: Int, _ now: Double) -> Double {
    guard current > 0 else { return 0 }
    let perStep: Double
    if let first = timeAfterFirstStep, current > 1 {
      perStep = (now - first) / Double(current - 1)
    } else {
      perStep = (now - start) / Double(current)
    }
    if current == 1 { timeAfterFirstStep = now }
    return perStep
  }

  private func formatTime(_ perStep: Double) -> String {
    if perStep >= 1 || perStep == 0 { return " " + cFormat("%.0f", perStep) + "s/step" }
    if perStep >= 1e-3 { return " " + cFormat("%.0f", perStep * 1e3) + "ms/step" }
    return " " + cFormat("%.0f", perStep * 1e6) + "us/step"
  }

  private func formatValues(_ values: [(String, Double)], absolute: Bool) -> String {
    var text = ""
    for (name, value) in values {
      text += " - \(name):"
      if value.isNaN {
        // C's printf spells a NaN with its sign bit as -nan; Python as nan.
        text += " nan"
        continue
      }
      let big = absolute ? abs(value) > 1e-3 : value > 1e-3
      text += " " + cFormat(big ? "%.4f" : "%.4e", value)
    }
    return text
  }

  private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

  private func bold(_ text: String, _ color: Bool) -> String {
    color ? "\u{1B}[1m" + text + "\u{1B}[0m" : text
  }

  private func paint(_ text: String, _ code: String, _ color: Bool) -> String {
    color ? code + text + "\u{1B}[0m" : text
  }
}
