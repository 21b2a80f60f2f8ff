#if canImport(Glibc)
  import Glibc
#endif

/// plangraph against the C reference pipeline (bench/c-reference/overdue-ref, built by `make reference`):
/// the same `overdue --format json` on the same generated plan, timed alternately in one run so that both
/// see the same load on a shared machine, with each one's CPU time (user + system, steadier than wall time
/// when other work shares the cores) and peak memory, the ratios, whether the outputs are
/// byte-identical (a yardstick that writes other bytes measures nothing), and both programs' stages.
enum ReferenceBench {
  /// Prints the comparison for each JSON plan of `sizes` from 100,000 tasks up; says how to build the
  /// reference and skips when it is missing.
  static func run(
    binary: String, reference: String, work: String, runs: Int, sizes: [Int], asOf: String,
    plan: (Int) -> String
  ) {
    print("")
    guard access(reference, X_OK) == 0 else {
      print(
        "(The C reference pipeline \(reference) is not built: `make reference` builds it, with libsimdjson-dev "
          + "and g++; skipped.)")
      return
    }
    let measured = sizes.filter { $0 >= 100_000 }
    guard !measured.isEmpty else { return }
    print(
      "| overdue --format json, alternately | tasks | plangraph | CPU | peak memory | C reference (simdjson) | CPU "
        + "| peak memory | plangraph / C, wall | CPU | output |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    var mismatches: [String] = []
    var stageRows: [String] = []
    for size in measured {
      let path = plan(size)
      let tail = [path, "--as-of", asOf, "--format", "json"]
      let ours = [binary, "overdue"] + tail
      let theirs = [reference] + tail
      // A warm-up each, then the two alternately.
      _ = Measure.run(ours)
      _ = Measure.run(theirs)
      var oursRuns: [RunMeasurement] = []
      var theirRuns: [RunMeasurement] = []
      for _ in 0..<max(1, runs) {
        oursRuns.append(Measure.run(ours))
        theirRuns.append(Measure.run(theirs))
      }
      let (oursSeconds, oursCPU, oursPeak, oursStatus) = summary(oursRuns)
      let (theirSeconds, theirCPU, theirPeak, theirStatus) = summary(theirRuns)
      let ok: Set<Int32> = [0, 1]  // 1: something is overdue
      let bothRan = ok.contains(oursStatus) && ok.contains(theirStatus)
      func ratio(_ a: Double, _ b: Double) -> String {
        bothRan ? String(Double(Int(a / b * 100)) / 100) + "×" : "—"
      }
      let verdict = compare(ours, theirs, work: work)
      if verdict != "byte-identical" { mismatches.append("\(size) tasks: \(verdict)") }
      print(
        "| generated JSON | \(size) | \(time(oursSeconds, oursStatus)) | \(show(oursCPU)) | \(mebibytes(oursPeak)) | "
          + "\(time(theirSeconds, theirStatus)) | \(show(theirCPU)) | \(mebibytes(theirPeak)) | "
          + "\(ratio(oursSeconds, theirSeconds)) | \(ratio(oursCPU, theirCPU)) | \(verdict) |")
      for (name, arguments) in [("plangraph", ours), ("C reference", theirs)] {
        let (stages, peak) = StageBench.median(runs: runs, arguments, work: work)
        let cells = StageBench.stages.map { stage in stages[stage].map { String(Int($0.rounded())) } ?? "—" }
        stageRows.append("| \(name) | \(size) | " + cells.joined(separator: " | ") + " | \(peak) MiB |")
      }
    }
    for mismatch in mismatches {
      let line = "!!! THE C REFERENCE WRITES OTHER BYTES THAN PLANGRAPH: \(mismatch); its times compare nothing"
      print(line)
      var loud = line + "\n"
      loud.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    }
    print("")
    print("| stages (ms, median) | tasks | " + StageBench.stages.joined(separator: " | ") + " | peak memory |")
    print("|---|---:|" + String(repeating: "---:|", count: StageBench.stages.count + 1))
    for row in stageRows { print(row) }
  }

  /// The median wall and CPU times, the largest peak and the last exit status of some runs.
  private static func summary(_ runs: [RunMeasurement]) -> (Double, Double, Int, Int32) {
    let wall = runs.map(\.seconds).sorted()
    let cpu = runs.map(\.cpuSeconds).sorted()
    return (wall[wall.count / 2], cpu[cpu.count / 2], runs.map(\.peakKiB).max() ?? 0, runs.last?.status ?? -1)
  }

  private static func time(_ seconds: Double, _ status: Int32) -> String {
    status == 0 || status == 1 ? show(seconds) : "failed (status \(status))"
  }

  /// Runs both once more with their output kept: "byte-identical", or what differs.
  private static func compare(_ ours: [String], _ theirs: [String], work: String) -> String {
    let oursPath = "\(work)/reference-plangraph.json"
    let theirPath = "\(work)/reference-c.json"
    let a = Measure.run(ours, output: oursPath)
    let b = Measure.run(theirs, output: theirPath)
    guard a.status == b.status else { return "**DIFFERENT: exit status \(a.status) vs \(b.status)**" }
    let left = contents(oursPath)
    let right = contents(theirPath)
    guard left != right else { return "byte-identical" }
    let common = min(left.count, right.count)
    let first = (0..<common).first { left[$0] != right[$0] } ?? common
    return "**DIFFERENT from byte \(first + 1)** (\(left.count) vs \(right.count) bytes; kept in \(work))"
  }

  private static func contents(_ path: String) -> [UInt8] {
    guard let file = fopen(path, "rb") else { return [] }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let count = chunk.withUnsafeMutableBufferPointer { fread($0.baseAddress, 1, $0.count, file) }
      if count <= 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
    }
    return bytes
  }
}
