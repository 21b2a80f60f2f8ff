import Dispatch

/// The loader's fast path: a one-file plan of the common keys, JSON read from its bytes, YAML from
/// libyaml's raw events, straight into the plan's tasks and compact rows, and assembled without the
/// event cursor, the drafts or a dictionary of full ids.
///
/// It returns a plan only when it is certain the full loader would return the same plan (`==`,
/// places included) with no diagnostic at all; on anything else it declines (nil) and the full loader
/// runs, so every diagnostic is the full loader's.
package enum FastPlanReader {
  /// JSON files from this size on are mapped by the loader rather than read (`MappedFile`).
  package static let mappedMinimumSize = 1 << 20

  /// The plan in `bytes` (the file at `path`, the root and only file), or nil to decline.
  /// A large text is read on two threads as `split` says (`FastJSONReader`, `FastYAMLReader`).
  package static func read(
    _ bytes: [UInt8], path: String, observer: StageObserver = .none, split: FastYAMLReader.Split = .automatic
  ) -> Plan? {
    guard var plan = readWithoutGraph(bytes, path: path, observer: observer, split: split), finish(&plan)
    else { return nil }
    observer.end(.graph)
    return plan
  }

  /// Builds the dependency graph the scheduler will use and checks it for cycles; false (decline) on a
  /// cycle. Called after the rows and, in the loader, the file's bytes are let go.
  package static func finish(_ plan: inout Plan) -> Bool {
    let graph = DependencyGraph(tasks: plan.tasks)
    guard graph.cycles(tasks: plan.tasks).isEmpty else { return false }
    plan.keep(graph)
    return true
  }

  /// `finish`, making the scheduler's facts (`ScheduleFacts`) at the same time: on a second thread for a
  /// plan of `AsOfThreads.minimumTasks` tasks or more, none for a smaller one. Not finished (decline) on
  /// a cycle.
  package static func finishPreparingFacts(_ plan: inout Plan) -> (finished: Bool, facts: ScheduleFacts?) {
    let tasks = plan.tasks
    guard tasks.count >= AsOfThreads.minimumTasks else { return (finish(&plan), nil) }
    let made = GraphAndFacts()
    // The facts' arrays are allocated here, the graph built here: what the graph's building frees is
    // then taken up by the scheduler's arrays as without the facts. (Facts allocated by another thread lie
    // in its heap, and the memory the graph freed stayed unused: 25 MiB more at a million tasks.)
    made.blank = TaskFacts(count: tasks.count)
    let facts = DispatchGroup()
    DispatchQueue.global().async(group: facts) {
      guard let blank = made.blank.take() else { return }
      made.facts = ScheduleFacts(tasks: tasks, filling: consume blank)
    }
    made.graph = DependencyGraph(tasks: tasks)
    facts.wait()
    guard let graph = made.graph, graph.cycles(tasks: tasks).isEmpty else { return (false, nil) }
    plan.keep(graph)
    return (true, made.facts.take())
  }

  /// What each of `finishPreparingFacts`' two jobs hands back: each writes its own property only, and
  /// both are read after the group's `wait` returns, which orders the writes before the reads.
  private final class GraphAndFacts: @unchecked Sendable {
    var graph: DependencyGraph?
    /// The facts' arrays, allocated by the caller and taken by the job that fills them.
    var blank: TaskFacts?
    var facts: ScheduleFacts?
  }

  /// The plan in `bytes` without its dependency graph (see `finish`), or nil to decline: a `.json`
  /// file read by `FastJSONScanner`, any other by `FastYAMLScanner` (as the full loader tells them).
  package static func readWithoutGraph(
    _ bytes: [UInt8], path: String, observer: StageObserver = .none, split: FastYAMLReader.Split = .automatic
  ) -> Plan? {
    // Byte offsets are kept as `Int32`: a larger text (the loader refuses files over 1 GiB) declines.
    guard bytes.count < Int(Int32.max) else { return nil }
    let textStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    guard !path.hasSuffix(".json") else {
      return readJSON(bytes, from: textStart, path: path, observer: observer, split: split)
    }
    // Scanned in a scope of its own: libyaml's parsers are gone before assembly.
    let scanned: (FastPlanRows, [PlanTask], [UInt8])? = bytes.withUnsafeBufferPointer { buffer in
      guard
        var part = FastYAMLReader.read(
          UnsafeBufferPointer(rebasing: buffer[textStart...]), file: 0, split: split)
      else { return nil }
      let planTasks = part.rows.planTasks
      part.rows.planTasks = []
      return (part.rows, planTasks, part.arena)
    }
    guard let (scannedRows, planTasks, arena) = scanned else { return nil }
    observer.end(.parse)
    var rows = scannedRows
    let references = rows.references
    rows.references = []
    let names = rows.text
    rows.text = []
    return arena.withUnsafeBufferPointer { buffer -> Plan? in
      var assembler = FastPlanAssembler(
        rows: rows, planTasks: planTasks, references: references, names: names, bytes: buffer, path: path,
        observer: observer)
      return assembler.assemble()
    }
  }

  /// The plan in the mapped JSON file at `path` without its dependency graph, or nil to decline: as
  /// `readWithoutGraph`, but the pages read are given back as the scan goes and the file is unmapped
  /// before the plan is assembled, so that it never stands whole beside the plan made from it.
  /// `releaseStep` is how far the scan goes between givings back (tests make it small).
  package static func readWithoutGraph(
    mapped file: MappedFile, path: String, observer: StageObserver = .none, releaseStep: Int = 1 << 20,
    split: FastYAMLReader.Split = .automatic
  ) -> Plan? {
    let bytes = file.bytes
    guard bytes.count < Int(Int32.max) else { return nil }
    let textStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    return readJSON(bytes, from: textStart, path: path, observer: observer, split: split, file: (file, releaseStep))
  }

  private static func readJSON(
    _ bytes: [UInt8], from textStart: Int, path: String, observer: StageObserver, split: FastYAMLReader.Split
  ) -> Plan? {
    bytes.withUnsafeBufferPointer {
      readJSON($0, from: textStart, path: path, observer: observer, split: split, file: nil)
    }
  }

  private static func readJSON(
    _ buffer: UnsafeBufferPointer<UInt8>, from textStart: Int, path: String, observer: StageObserver,
    split: FastYAMLReader.Split, file: FastJSONReader.Release?
  ) -> Plan? {
    guard var scanned = FastJSONReader.read(buffer, from: textStart, split: split, release: file) else { return nil }
    // Everything the plan needs is copied out: the file goes before the plan is assembled.
    file?.file.unmap()
    observer.end(.parse)
    let planTasks = scanned.planTasks
    scanned.planTasks = []
    let references = scanned.references
    scanned.references = []
    let idText = scanned.idText
    scanned.idText = []
    let names = scanned.text
    scanned.text = []
    return idText.withUnsafeBufferPointer { ids -> Plan? in
      var assembler = FastPlanAssembler(
        rows: scanned, planTasks: planTasks, references: references, names: names, bytes: ids, path: path,
        observer: observer)
      return assembler.assemble()
    }
  }
}
