import Foundation
import Support

/// Formats a duration as IPython's timing magics do: three significant
/// digits in s, ms, µs or ns.
func formatDuration(_ seconds: Double) -> String {
  if seconds >= 60 {
    var remaining = seconds
    var parts: [String] = []
    for (unit, size) in [("d", 86400.0), ("h", 3600.0), ("min", 60.0), ("s", 1.0)] {
      let count = (remaining / size).rounded(.down)
      if count > 0 {
        parts.append("\(Int(count))\(unit)")
        remaining -= count * size
      }
    }
    return parts.joined(separator: " ")
  }
  let units = ["s", "ms", "\u{B5}s", "ns"]
  let scales = [1.0, 1e3, 1e6, 1e9]
  let order =
    seconds > 0 ? min(max(-Int((Foundation.log10(seconds)).rounded(.down)) / 3, 0), 3) : 3
  let value = seconds * scales[order]
  var text = String(format: "%.3g", value)
  if text.contains("e") { text = String(format: "%.0f", value) }
  return "\(text) \(units[order])"
}

private func cpuTimes() -> (user: Double, system: Double) {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
  let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
  return (user, system)
}

private func wallClock() -> Double {
  var now = timespec()
  clock_gettime(CLOCK_MONOTONIC, &now)
  return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// `%time`: runs `body` once and prints CPU and wall times.
func timeOnce(_ body: () throws -> Void) throws {
  let cpuStart = cpuTimes()
  let wallStart = wallClock()
  var failure: Error?
  do { try body() } catch { failure = error }
  let cpuEnd = cpuTimes()
  let wall = wallClock() - wallStart
  let user = cpuEnd.user - cpuStart.user
  let system = cpuEnd.system - cpuStart.system
  Console.shared.write(
    "CPU times: user \(formatDuration(user)), sys: \(formatDuration(system)), "
      + "total: \(formatDuration(user + system))\nWall time: \(formatDuration(wall))\n")
  if let failure { throw failure }
}

/// `%timeit`: picks a loop count that takes at least 0.2 s, runs 7 such
/// rounds and prints the mean and standard deviation per loop.
func timeRepeatedly(runs: Int = 7, _ body: () throws -> Void) throws {
  var loops = 1
  var scale = 1
  search: for _ in 0..<10 {
    for factor in [1, 2, 5] {
      loops = factor * scale
      let start = wallClock()
      for _ in 0..<loops { try body() }
      if wallClock() - start >= 0.2 { break search }
    }
    scale *= 10
  }
  var perLoop: [Double] = []
  for _ in 0..<runs {
    let start = wallClock()
    for _ in 0..<loops { try body() }
    perLoop.append((wallClock() - start) / Double(loops))
  }
  let mean = perLoop.reduce(0, +) / Double(perLoop.count)
  let variance = perLoop.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(perLoop.count)
  let deviation = variance.squareRoot()
  Console.shared.write(
    "\(formatDuration(mean)) \u{B1} \(formatDuration(deviation)) per loop (mean \u{B1} std. dev. "
      + "of \(runs) run\(runs == 1 ? "" : "s"), \(loops) loop\(loops == 1 ? "" : "s") each)\n")
}
