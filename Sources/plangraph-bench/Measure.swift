#if canImport(Glibc)
  import Glibc
#endif

/// One timed run of a command: wall time and peak resident memory, from wait4's rusage.
struct RunMeasurement {
  var seconds: Double
  var peakKiB: Int
  var status: Int32
  /// User and system CPU time: steadier than wall time on a shared machine.
  var cpuSeconds = 0.0
}

/// Runs commands and times them, without Foundation: posix_spawn, then wait4 for the child's rusage.
enum Measure {
  /// Monotonic seconds.
  static func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }

  /// Lowers this process's recorded peak resident memory to what it holds now (`/proc/self/clear_refs`),
  /// free heap memory given back first.
  ///
  /// posix_spawn shares this process's memory with the child until it execs, and Linux then carries the
  /// larger of the two peaks into the child's: without the reset, every child measured after the bench
  /// made or read a large file would report the bench's own peak as its own.
  static func resetPeakMemory() {
    // What the heap holds free goes back first: after a plan was generated or loaded in this process the
    // reset would otherwise leave its freed pages counted, and every child would report them as its own.
    _ = mallocTrim(0)
    let fd = open("/proc/self/clear_refs", O_WRONLY)
    guard fd >= 0 else { return }
    _ = write(fd, "5", 1)
    close(fd)
  }

  /// Runs `arguments` (the first is the program) with stdout sent to `output` (created or emptied) and
  /// stderr to /dev/null.
  static func run(_ arguments: [String], output: String = "/dev/null") -> RunMeasurement {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid = pid_t()
    resetPeakMemory()
    let start = now()
    let spawned = argv.withUnsafeBufferPointer { buffer -> Int32 in
      guard let base = buffer.baseAddress else { return -1 }
      return posix_spawnp(&pid, arguments[0], &actions, nil, UnsafeMutablePointer(mutating: base), environ)
    }
    guard spawned == 0 else { return RunMeasurement(seconds: .nan, peakKiB: 0, status: -1) }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    let seconds = now() - start
    let cpu =
      Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
      + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    return RunMeasurement(
      seconds: seconds, peakKiB: Int(usage.ru_maxrss), status: (status >> 8) & 0xFF, cpuSeconds: cpu)
  }

  /// The median of `runs` runs (after one warm-up run), and the largest peak memory seen.
  static func median(runs: Int, _ arguments: [String]) -> (seconds: Double, peakKiB: Int, status: Int32) {
    _ = run(arguments)
    let all = (0..<max(1, runs)).map { _ in run(arguments) }
    let sorted = all.map(\.seconds).sorted()
    return (sorted[sorted.count / 2], all.map(\.peakKiB).max() ?? 0, all.last?.status ?? -1)
  }

  /// The median time of an in-process closure over `runs` runs, after one warm-up.
  static func median(runs: Int, _ body: () -> Void) -> Double {
    body()
    var times: [Double] = []
    for _ in 0..<max(1, runs) {
      let start = now()
      body()
      times.append(now() - start)
    }
    times.sort()
    return times[times.count / 2]
  }

  /// The CPU time this thread spends in `body`: unlike wall time, not stretched by other processes
  /// taking the cores.
  static func cpuTime(_ body: () -> Void) -> Double {
    var start = timespec()
    var end = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
    body()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
    return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
  }
}

/// glibc's `malloc_trim` (in `<malloc.h>`, which the Glibc module does not bring in): gives the heap's free
/// pages back to the system.
@_silgen_name("malloc_trim")
private func mallocTrim(_ pad: Int) -> Int32
