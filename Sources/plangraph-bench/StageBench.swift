#if canImport(Glibc)
  import Glibc
#endif

/// The stages inside the process: each command run with `PLANGRAPH_TIMINGS=1`, its stderr's
/// `plangraph timing: <stage>: <ms> ms` lines read back, and the median of each stage over the runs.
enum StageBench {
  /// The stages in the order the command prints them.
  static let stages = [
    "bytes in", "parse", "ids and owners", "resolve after", "graph", "CPM", "as-of pass", "report", "write", "exit",
    "total",
  ]

  /// Runs `arguments` `runs` times (after a warm-up) with timings on; per stage the median milliseconds,
  /// and the largest peak memory in MiB.
  static func median(runs: Int, _ arguments: [String], work: String) -> (stages: [String: Double], peakMiB: Int) {
    let log = "\(work)/timings.txt"
    var samples: [String: [Double]] = [:]
    var peak = 0
    for run in 0...max(1, runs) {
      guard let values = timed(arguments, log: log) else { continue }
      guard run > 0 else { continue }  // the warm-up
      for (stage, value) in values {
        if stage == "peak memory" { peak = max(peak, Int(value)) } else { samples[stage, default: []].append(value) }
      }
    }
    var medians: [String: Double] = [:]
    for (stage, values) in samples {
      let sorted = values.sorted()
      medians[stage] = sorted[sorted.count / 2]
    }
    return (medians, peak)
  }

  /// One run with stderr sent to `log`, read back.
  private static func timed(_ arguments: [String], log: String) -> [String: Double]? {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, log, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    var environment: [String] = ["PLANGRAPH_TIMINGS=1"]
    var pointer = environ
    while let entry = pointer.pointee {
      environment.append(String(cString: entry))
      pointer += 1
    }
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup($0) } + [nil]
    defer { for pointer in argv + envp { free(pointer) } }
    var pid = pid_t()
    // The peak memory the run prints is its own only if this process's is lowered first (see there).
    Measure.resetPeakMemory()
    let spawned = argv.withUnsafeBufferPointer { argvBuffer -> Int32 in
      envp.withUnsafeBufferPointer { envpBuffer -> Int32 in
        guard let argvBase = argvBuffer.baseAddress, let envpBase = envpBuffer.baseAddress else { return -1 }
        return posix_spawnp(
          &pid, arguments[0], &actions, nil, UnsafeMutablePointer(mutating: argvBase),
          UnsafeMutablePointer(mutating: envpBase))
      }
    }
    guard spawned == 0 else { return nil }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    guard let file = fopen(log, "r") else { return nil }
    defer { fclose(file) }
    var values: [String: Double] = [:]
    var line: UnsafeMutablePointer<CChar>?
    var capacity = 0
    defer { free(line) }
    while getline(&line, &capacity, file) > 0, let line {
      let text = String(cString: line)
      let prefix = "plangraph timing: "
      guard text.hasPrefix(prefix) else { continue }
      let parts = text.dropFirst(prefix.count).split(separator: ":", maxSplits: 1)
      guard parts.count == 2 else { continue }
      let number = parts[1].split(separator: " ").first.flatMap { Double($0) }
      if let number { values[String(parts[0])] = number }
    }
    return values
  }
}
