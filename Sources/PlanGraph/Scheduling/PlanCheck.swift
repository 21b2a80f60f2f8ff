/// What `plangraph check` reports on a plan file: the loader's diagnostics and, for a plan that loads,
/// the warnings that need its schedule, all under the one cap on diagnostics.
public struct PlanCheck: Sendable {
  /// The plan, when it loads and can be scheduled.
  public let plan: Plan?
  /// Its schedule as of the check's date, when it has one.
  public let schedule: Schedule?
  /// Every problem in file order, at most `PlanLimits.maximumDiagnostics` and a closing note.
  public let diagnostics: [Diagnostic]
  /// The text of the files the diagnostics point into.
  public let sources: [String: [UInt8]]
  /// The files of the include tree, root first.
  public let files: [String]

  /// Whether no diagnostic is an error.
  public var isValid: Bool { !diagnostics.contains { $0.severity == .error } }

  /// Loads and schedules the plan at `path` as of `asOf` (nil: the plan start), `window` days ahead being
  /// due soon; `lint` adds the warnings that need the schedule, and `strict` makes every warning an error.
  /// `observer` is told as each stage of loading and scheduling ends.
  public init(
    path: String, asOf: Day?, window: Int = Schedule.defaultWindow, lint: Bool = true, strict: Bool = false,
    fileSystem: any PlanFileSystem = DiskFileSystem(), observer: StageObserver = .none
  ) {
    var loader = PlanLoader(fileSystem: fileSystem, observer: observer)
    loader.preparesSchedule = true
    var loaded = loader.load(path: path)
    var diagnostics = loaded.diagnostics
    var sources = loaded.sources
    var plan = loaded.plan
    var schedule: Schedule?
    if let valid = loaded.plan {
      var bag = DiagnosticBag()
      bag.add(contentsOf: diagnostics)
      do throws(Scheduler.Failure) {
        // Taken out of `loaded`, so that the scheduler holds the only reference to the facts it takes.
        let scheduled = try Scheduler(plan: valid, facts: loaded.scheduleFacts.take(), observer: observer).schedule(
          asOf: asOf ?? valid.start, window: window, observer: observer)
        schedule = scheduled
        if lint {
          for warning in PlanLinter.warnings(for: valid, schedule: scheduled) { bag.add(warning) }
        }
      } catch {
        bag.add(error.diagnostic(in: valid))
        plan = nil
      }
      diagnostics = bag.sorted(fileOrder: valid.files)
      // The warnings may point into files the loader had no diagnostics for, and so did not keep.
      for file in Set(diagnostics.map(\.location.file)) where sources[file] == nil {
        if case .success(let bytes) = fileSystem.read(file) { sources[file] = bytes }
      }
    }
    self.plan = plan
    self.schedule = schedule
    self.diagnostics = strict ? diagnostics.map(\.asError) : diagnostics
    self.sources = sources
    self.files = loaded.files
  }
}
