import PlanGraph
import PlanGraphviz

#if canImport(Glibc)
  @preconcurrency import Glibc  // for `stdout`, read once below
#endif

// `make bench`: end-to-end timings of the release binary on generated plans, the scheduler alone in
// process, and TaskJuggler on the same plans where it is installed. Medians of several runs.

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String, _ fallback: String) -> String {
  guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return fallback }
  return arguments[i + 1]
}
let binary = option("--binary", ".build/release/plangraph")
let work = option("--work", ".build/bench")
let runs = Int(option("--runs", "5")) ?? 5
let sizes = option("--sizes", "1000,10000,100000,1000000").split(separator: ",").compactMap { Int($0) }
let yamlLimit = Int(option("--yaml-up-to", "100000")) ?? 100_000
let tjSizes = option("--tj3", "5000,20000").split(separator: ",").compactMap { Int($0) }
let only = option("--only", "all")  // all, commands, stages, reference, scheduler, ledger, render, history or tj3
let reference = option("--reference", ".build/c-reference/overdue-ref")  // `make reference` builds it
let renderSizes = option("--render", "100,1000,3000").split(separator: ",").compactMap { Int($0) }
let asOf = "2021-06-30"
mkdir(work, 0o755)

func write(_ bytes: [UInt8], to path: String) {
  guard let file = fopen(path, "wb") else { fatalError("cannot write \(path)") }
  _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
  fclose(file)
}

func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
  let gap = max(0, width - text.count)
  return right ? String(repeating: " ", count: gap) + text : text + String(repeating: " ", count: gap)
}

func show(_ seconds: Double) -> String {
  if seconds < 0.01 { return String(Double(Int(seconds * 100_000)) / 100) + " ms" }
  if seconds < 1 { return String(Int((seconds * 1000).rounded())) + " ms" }
  return String(Double(Int(seconds * 100)) / 100) + " s"
}

func fileSize(_ bytes: Int) -> String {
  bytes < 1_048_576 ? String(bytes / 1024) + " KiB" : String(bytes / 1_048_576) + " MiB"
}

func mebibytes(_ kib: Int) -> String { String(kib / 1024) + " MiB" }

// Each table row as it is measured: a full run takes a quarter of an hour, and its output is most often
// a file or a pipe, which the C library would otherwise fill in blocks.
setvbuf(stdout, nil, _IOLBF, 0)
print("plangraph benchmark: release build, median of \(runs) runs after a warm-up, as of \(asOf)")
print("")
// Generated afresh by every run, so that a changed generator is never measured on stale files.
var generated: Set<String> = []
@MainActor func planFile(_ size: Int, _ format: PlanGenerator.Format = .json) -> String {
  let path = "\(work)/generated-\(size).\(format.rawValue)"
  if generated.insert(path).inserted {
    write(PlanGenerator(taskCount: size, seed: 42, format: format).generate(), to: path)
  }
  return path
}

/// A median time, or why there is none: a run that exits with another status is a failure, not a time.
func timed(_ run: (seconds: Double, peakKiB: Int, status: Int32), allowed: Set<Int32> = [0]) -> String {
  allowed.contains(run.status) ? show(run.seconds) : "failed (status \(run.status))"
}

if only == "all" || only == "commands" {
  print("| plan | tasks | file | check | schedule --format json | overdue | peak memory (overdue) |")
  print("|---|---:|---:|---:|---:|---:|---:|")
  for size in sizes {
    for format in [PlanGenerator.Format.yaml, .json] where format == .json || size <= yamlLimit {
      let path = planFile(size, format)
      var info = stat()
      stat(path, &info)
      let check = Measure.median(runs: runs, [binary, "check", path, "--as-of", asOf])
      let schedule = Measure.median(runs: runs, [binary, "schedule", path, "--as-of", asOf, "--format", "json"])
      let overdue = Measure.median(runs: runs, [binary, "overdue", path, "--as-of", asOf, "--format", "json"])
      print(
        "| generated \(format.rawValue.uppercased()) | \(size) | \(fileSize(Int(info.st_size))) | \(timed(check)) | "
          + "\(timed(schedule)) | \(timed(overdue, allowed: [0, 1])) | \(mebibytes(overdue.peakKiB)) |")
    }
  }

}

// The stages inside the process (`PLANGRAPH_TIMINGS=1`), medians in milliseconds: where the time goes.
if only == "all" || only == "stages" {
  print("")
  let columns = StageBench.stages
  print("| stages (ms, median) | tasks | command | " + columns.joined(separator: " | ") + " | peak memory |")
  print("|---|---:|---|" + String(repeating: "---:|", count: columns.count + 1))
  for size in sizes where size >= 100_000 {
    for format in [PlanGenerator.Format.json, .yaml] where format == .json || size <= yamlLimit {
      let path = planFile(size, format)
      for command in ["overdue", "schedule"] {
        let (stages, peak) = StageBench.median(
          runs: runs, [binary, command, path, "--as-of", asOf, "--format", "json"], work: work)
        let cells = columns.map { stage in stages[stage].map { String(Int($0.rounded())) } ?? "—" }
        print(
          "| generated \(format.rawValue.uppercased()) | \(size) | \(command) --format json | "
            + cells.joined(separator: " | ") + " | \(peak) MiB |")
      }
    }
  }
}

// plangraph against the C reference pipeline on the same plans, alternately, outputs compared byte for byte.
if only == "all" || only == "reference" {
  ReferenceBench.run(
    binary: binary, reference: reference, work: work, runs: runs, sizes: sizes, asOf: asOf, plan: { planFile($0) })
}

// The supervisor's ledger (an .xlsx workbook) of the generated YAML plans up to 100,000 tasks, and of the
// bundled plan: time, peak memory and the workbook's size. The goal: under 2 s and 20 MB at 100,000.
// Run before the sections that work in this process: what the charts' libraries keep (font caches) and
// what the scheduler section loaded would otherwise count in every child's peak (`Measure.resetPeakMemory`).
if only == "all" || only == "ledger" {
  print("")
  print("| ledger (.xlsx) | tasks | time | peak memory | workbook |")
  print("|---|---:|---:|---:|---:|")
  var plans: [(name: String, tasks: String, path: String, asOf: String)] = []
  if access("plans/chengqu-2017/plan.yaml", R_OK) == 0 {
    plans.append(("Chengqu plan", "—", "plans/chengqu-2017/plan.yaml", "2018-01-15"))
  }
  for size in sizes where size <= min(yamlLimit, 100_000) {
    plans.append(("generated YAML", String(size), planFile(size, .yaml), asOf))
  }
  for (name, tasks, path, day) in plans {
    let output = "\(work)/ledger.xlsx"
    let run = Measure.median(runs: runs, [binary, "ledger", path, "--as-of", day, "-o", output])
    var info = stat()
    let size = stat(output, &info) == 0 ? fileSize(Int(info.st_size)) : "—"
    print("| \(name) | \(tasks) | \(timed(run)) | \(mebibytes(run.peakKiB)) | \(size) |")
  }
}

// The scheduler alone, in process: the plan is loaded once, then scheduled.
if only == "all" || only == "scheduler" {
  print("")
  print(
    "| scheduler alone (in process) | tasks | `Scheduler(plan:)`: graph, order, both CPM passes "
      + "| `schedule(asOf:)`: forecast, status, summaries, duties, critical paths | both |")
  print("|---|---:|---:|---:|---:|")
  func schedulerAlone(_ name: String, _ loaded: Plan) {
    let day = Day(ordinal: 18_808)  // 2021-06-30
    // Without the graph the loader keeps (setting the tasks drops it): the column includes building it.
    var plan = loaded
    plan.tasks = loaded.tasks
    let prepare = Measure.median(runs: runs) { _ = try? Scheduler(plan: plan) }
    guard let scheduler = try? Scheduler(plan: plan) else { return }
    let asOf = Measure.median(runs: runs) { _ = try? scheduler.schedule(asOf: day) }
    let both = Measure.median(runs: runs) {
      guard let scheduler = try? Scheduler(plan: plan) else { return }
      _ = try? scheduler.schedule(asOf: day)
    }
    print("| \(name) | \(plan.tasks.count) | \(show(prepare)) | \(show(asOf)) | \(show(both)) |")
  }
  var workingDayRows: [(Int, [Plan])] = []
  for size in sizes {
    guard let plan = PlanLoader().load(path: planFile(size)).plan else { continue }
    schedulerAlone("generated", plan)
    // The same plan with every duration N days written as Nd, then as N working days (wd) on each
    // calendar: the working-day index must keep the passes within 10 % of calendar days.
    // The tasks are changed in an array of their own and set once: `copy.tasks[i].duration = …` from
    // this module goes through `Plan.tasks`'s setter (it has an observer), a copy of every task each
    // time, and never finished at a million tasks.
    func rewritten(_ working: Bool, _ calendar: WorkCalendar) -> Plan {
      var copy = plan
      var tasks = copy.tasks
      for i in tasks.indices {
        guard let days = tasks[i].duration?.days else { continue }
        tasks[i].duration = working ? .workingDays(days) : PlanDuration(days: days)
      }
      copy.tasks = tasks
      copy.calendar = calendar
      return copy
    }
    workingDayRows.append((size, [rewritten(false, .weekdays), rewritten(true, .weekdays), rewritten(true, .cn)]))
  }
  if let largest = sizes.max() {
    // A single chain, and a tree as deep as it has tasks, built in memory.
    var chain: [PlanTask] = []
    chain.reserveCapacity(largest)
    for i in 0..<largest {
      var task = PlanTask(
        id: "t\(i)", fullID: "t\(i)", name: "T", parent: nil,
        locations: TaskLocations(id: SourcePosition(file: 0, line: 1, column: 1, length: 1)))
      task.duration = PlanDuration(days: 1)
      if i > 0 { task.after = [i - 1] }
      chain.append(task)
    }
    schedulerAlone(
      "one chain", Plan(title: "chain", start: Day(ordinal: 18_262), owners: [], tasks: chain, files: ["-"]))
    let depth = min(largest, 100_000)
    var tree: [PlanTask] = []
    tree.reserveCapacity(depth)
    for i in 0..<depth {
      var task = PlanTask(
        id: "l\(i)", fullID: "l\(i)", name: "L", parent: i > 0 ? i - 1 : nil,
        locations: TaskLocations(id: SourcePosition(file: 0, line: 1, column: 1, length: 1)))
      if i + 1 < depth { task.children = [i + 1] } else { task.duration = PlanDuration(days: 3) }
      tree.append(task)
    }
    schedulerAlone(
      "tree \(depth) levels deep",
      Plan(title: "tree", start: Day(ordinal: 18_262), owners: [], tasks: tree, files: ["-"])
    )
  }

  // Calendar days against working days, interleaved, as the least thread CPU time of many runs: on a
  // shared machine the median wall time of a 50 ms run moves by more than the 10 % being measured.
  if !workingDayRows.isEmpty {
    print("")
    print(
      "| Scheduler(plan:) + schedule(asOf:), least CPU time of \(4 * runs) | tasks | every duration Nd "
        + "| Nwd, weekdays | Nwd, cn | wd/d (weekdays, cn) |")
    print("|---|---:|---:|---:|---:|---:|")
    for (size, plans) in workingDayRows {
      var least = [Double](repeating: .infinity, count: plans.count)
      for _ in 0..<(4 * runs) {
        for (k, plan) in plans.enumerated() {
          let seconds = Measure.cpuTime {
            guard let scheduler = try? Scheduler(plan: plan) else { return }
            _ = try? scheduler.schedule(asOf: Day(ordinal: 18_808))
          }
          least[k] = min(least[k], seconds)
        }
      }
      let ratios = [least[1] / least[0], least[2] / least[0]].map { String(Int((100 * $0).rounded())) + " %" }
      print(
        "| generated | \(size) | \(show(least[0])) | \(show(least[1])) | \(show(least[2])) | "
          + ratios.joined(separator: ", ") + " |")
    }
  }
}

// Charts, in process: every task drawn (no automatic folding), as SVG and PNG, with the share of the
// time that is Graphviz's layout.
if only == "all" || only == "render" {
  print("")
  print("| chart (every task drawn) | tasks | Graphviz nodes | SVG | of which layout | PNG | of which layout |")
  print("|---|---:|---:|---:|---:|---:|---:|")
  for size in renderSizes {
    let text = String(decoding: PlanGenerator(taskCount: size, seed: 42, format: .json).generate(), as: UTF8.self)
    let plan = PlanLoader.load(text: text, path: "generated.json").plan
    guard let plan, let schedule = try? Scheduler(plan: plan).schedule(asOf: Day(ordinal: 18_808)) else { continue }
    for kind in [ChartKind.graph, .timeline, .gantt] {
      let options = ChartOptions(language: .en, collapse: .never)
      var cells: [String] = []
      var nodes = 0
      for format in [OutputFormat.svg, .png] {
        var layout: [Double] = []
        let seconds = Measure.median(runs: runs) {
          let chart = Chart(kind, plan: plan, schedule: schedule, options: options)
          nodes = chart.graph.nodeCount
          guard let rendering = try? GraphvizRenderer().render(chart.graph, format: format)
          else { return }
          let time = rendering.layoutTime.components
          layout.append(Double(time.seconds) + Double(time.attoseconds) / 1e18)
        }
        let measured = layout.dropFirst().sorted()  // the first is the warm-up's
        let layoutMedian = measured.isEmpty ? 0 : measured[measured.count / 2]
        cells.append(show(seconds))
        cells.append("\(show(layoutMedian)) (\(Int((100 * layoutMedian / seconds).rounded())) %)")
      }
      print("| \(kind.rawValue) | \(size) | \(nodes) | " + cells.joined(separator: " | ") + " |")
    }
  }
}

// Plan history: a revision read against the disk, diff against schedule, history of the Chengqu plan.
if only == "all" || only == "history" {
  HistoryBench.run(
    binary: binary, work: work, runs: runs, size: min(sizes.filter { $0 <= 100_000 }.max() ?? 1000, yamlLimit),
    asOf: asOf)
}

// TaskJuggler on the same plans, where it is installed.
if only != "all" && only != "tj3" {
} else if access("/usr/bin/tj3", X_OK) == 0 {
  print("")
  print("| TaskJuggler 3 vs plangraph | tasks | tj3 (runs) | plangraph schedule | ratio |")
  print("|---|---:|---:|---:|---:|")
  for size in tjSizes {
    let yaml = planFile(size, .yaml)
    guard let plan = PlanLoader().load(path: yaml).plan else { continue }
    let tjp = "\(work)/generated-\(size).tjp"
    write(Array(TaskJugglerPlan.text(plan).utf8), to: tjp)
    let tjRuns = max(1, min(runs, size > 10_000 ? 1 : 3))
    let tj = Measure.median(runs: tjRuns, ["/usr/bin/tj3", "--silent", "--no-reports", tjp])
    let ours = Measure.median(runs: runs, [binary, "schedule", yaml, "--as-of", asOf, "--format", "json"])
    let ratio = tj.status == 0 && ours.status == 0 ? String(Int(tj.seconds / ours.seconds)) + "×" : "—"
    print("| generated YAML | \(size) | \(timed(tj)) (\(tjRuns)) | \(timed(ours)) | \(ratio) |")
  }
} else {
  print("\n(TaskJuggler's tj3 is not installed: `apt-get install tj3` for the comparison.)")
}
