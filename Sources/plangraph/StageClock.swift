import PlanGraph
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// `PLANGRAPH_TIMINGS=1`: how long each stage of a command took and the peak memory, printed on stderr
/// when the process exits. The library names the stages (`StageObserver`); the clock is read here.
///
/// Each line is `plangraph timing: <stage>: <milliseconds> ms`, for `plangraph-bench` to read back.
/// `exit` is the time from the last stage to the end of the process: what freeing would cost.
/// Each stage also gets a `plangraph cpu: <stage>: <milliseconds> ms` line, the CPU time of all the
/// process's threads in it (beside the time on the clock, it shows what a second thread costs and whether
/// the machine was busy), and a `plangraph memory: <stage>: <MiB> MiB` line, the process's peak so far when the
/// stage ended, so that the stage where the peak is reached can be read off.
enum StageClock {
  private struct State {
    var last = 0.0
    var first = 0.0
    var totals: [PlanStage: Double] = [:]
    var lastCPU = 0.0
    var cpuTotals: [PlanStage: Double] = [:]
    var peaks: [PlanStage: Int] = [:]
    var lastFaults = 0
    var faultTotals: [PlanStage: Int] = [:]
    var started = false
  }
  private static let state = Mutex(State())

  /// Whether `PLANGRAPH_TIMINGS` is set to anything but empty or `0`.
  static let isEnabled: Bool = {
    guard let value = getenv("PLANGRAPH_TIMINGS") else { return false }
    let text = String(cString: value)
    return !text.isEmpty && text != "0"
  }()

  /// The observer to hand the library: the clock when timings are on, else the one that does nothing.
  static var observer: StageObserver {
    guard isEnabled else { return .none }
    start()
    return StageObserver { mark($0) }
  }

  /// Starts the clock (once) and arranges for the timings to be printed at exit.
  static func start() {
    guard isEnabled else { return }
    let now = monotonic()
    let first = state.withLock { state -> Bool in
      guard !state.started else { return false }
      state.started = true
      state.first = now
      state.last = now
      state.lastCPU = processCPU()
      state.lastFaults = memory().faults
      return true
    }
    if first { atexit { StageClock.printTimings() } }
  }

  /// Adds the time since the previous stage ended to `stage`.
  static func mark(_ stage: PlanStage) {
    guard isEnabled else { return }
    let now = monotonic()
    let cpu = processCPU()
    let (peak, faults) = memory()
    state.withLock { state in
      guard state.started else { return }
      state.faultTotals[stage, default: 0] += faults - state.lastFaults
      state.lastFaults = faults
      state.totals[stage, default: 0] += now - state.last
      state.cpuTotals[stage, default: 0] += cpu - state.lastCPU
      state.lastCPU = cpu
      state.peaks[stage] = peak
      state.last = now
    }
  }

  private static func monotonic() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  /// The CPU time of all the process's threads so far, in seconds.
  private static func processCPU() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  /// The process's peak memory so far, in MiB, and the page faults it has taken so far (minor and
  /// major: a page of memory touched for the first time, or read in), from one `getrusage`.
  private static func memory() -> (peak: Int, faults: Int) {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return (usage.ru_maxrss / 1024, usage.ru_minflt + usage.ru_majflt)
  }

  private static func milliseconds(_ seconds: Double) -> String {
    let tenths = Int((seconds * 10_000).rounded())
    return "\(tenths / 10).\(tenths % 10) ms"
  }

  private static func printTimings() {
    let now = monotonic()
    let (totals, cpuTotals, peaks, faultTotals, first, last) = state.withLock {
      ($0.totals, $0.cpuTotals, $0.peaks, $0.faultTotals, $0.first, $0.last)
    }
    var text = ""
    for stage in PlanStage.allCases {
      guard let seconds = totals[stage] else { continue }
      text += "plangraph timing: \(stage.rawValue): \(milliseconds(seconds))\n"
    }
    for stage in PlanStage.allCases {
      guard let seconds = cpuTotals[stage] else { continue }
      text += "plangraph cpu: \(stage.rawValue): \(milliseconds(seconds))\n"
    }
    for stage in PlanStage.allCases {
      guard let peak = peaks[stage] else { continue }
      text += "plangraph memory: \(stage.rawValue): \(peak) MiB\n"
    }
    for stage in PlanStage.allCases {
      guard let faults = faultTotals[stage] else { continue }
      text += "plangraph faults: \(stage.rawValue): \(faults)\n"
    }
    text += "plangraph timing: exit: \(milliseconds(now - last))\n"
    text += "plangraph timing: total: \(milliseconds(now - first))\n"
    text += "plangraph timing: peak memory: \(memory().peak) MiB\n"
    Output.err(text)
  }
}
