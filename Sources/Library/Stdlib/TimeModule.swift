import Foundation
import Language
import Support

/// The `time` module: clocks and sleeping.
func makeTimeModule() throws -> PyModule {
  let module = PyModule("time", doc: "Clocks, as Python's time module.")
  module.function("time", doc: "time(): seconds since the epoch, as a float.") { _ in
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return .float(Double(now.tv_sec) + Double(now.tv_nsec) / 1e9)
  }
  for name in ["perf_counter", "monotonic"] {
    module.function(name, doc: "\(name)(): a monotonic clock in seconds.") { _ in
      var now = timespec()
      clock_gettime(CLOCK_MONOTONIC, &now)
      return .float(Double(now.tv_sec) + Double(now.tv_nsec) / 1e9)
    }
  }
  module.function("process_time", doc: "process_time(): CPU seconds of this process.") { _ in
    var now = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
    return .float(Double(now.tv_sec) + Double(now.tv_nsec) / 1e9)
  }
  module.function("sleep", doc: "sleep(seconds)") { args in
    let seconds = try args.bind("sleep(secs)").double("secs")
    if seconds.isNaN { throw PyError.valueError("Invalid value NaN (not a number)") }
    guard seconds >= 0 else { throw PyError.valueError("sleep length must be non-negative") }
    // Python keeps times as 64-bit nanosecond counts.
    guard seconds * 1e9 < 9.2e18 else {
      throw PyError(.overflowError, "timestamp out of range for platform time_t")
    }
    var remaining = seconds
    while remaining > 0 {
      if Interruption.isRequested {
        Interruption.clear()
        throw PyError(.keyboardInterrupt, "")
      }
      let step = min(remaining, 0.05)
      usleep(UInt32(step * 1e6))
      remaining -= step
    }
    return .none
  }
  return module
}
