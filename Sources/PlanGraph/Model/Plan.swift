/// A validated plan: its title, start, owners and tasks, as one value loaded from one or more files.
public struct Plan: Hashable, Sendable {
  /// The plan's title (`plan:`).
  public var title: String
  /// The plan start (`start:`): the earliest day anything is scheduled.
  public var start: Day
  /// Every owner unit, parents before their units, in file order.
  public var owners: [Owner]
  /// Every task in output order: a pre-order walk of the include tree.
  public var tasks: [PlanTask] {
    // Changed tasks may change the graph: it is built again when next asked for.
    didSet { builtGraph = PlanGraphCache() }
  }
  /// The files read, root first, in include order.
  public var files: [String]
  /// Which days are working days (`calendar:`): what `wd` durations and working-day dates count.
  public var calendar: WorkCalendar
  /// Where the root file writes `calendar:`, for warnings about it; nil when it does not.
  public var calendarPosition: SourcePosition?
  /// The warning rules (`warnings:`), the default ones when the plan has none.
  public var warnings: WarningRules = .standard
  /// The dependency graph the loader built while checking for cycles, kept for the scheduler and the
  /// reports; empty for a plan made or changed in code.
  var builtGraph = PlanGraphCache()

  /// Creates a plan.
  public init(
    title: String, start: Day, owners: [Owner], tasks: [PlanTask], files: [String],
    calendar: WorkCalendar = .weekdays
  ) {
    self.title = title
    self.start = start
    self.owners = owners
    self.tasks = tasks
    self.files = files
    self.calendar = calendar
  }

  /// The full location, with the file's path, of a position in one of the plan's files.
  public func location(_ position: SourcePosition) -> FileLocation {
    let index = Int(position.file)
    return FileLocation(
      file: files.indices.contains(index) ? files[index] : "?",
      line: Int(position.line), column: Int(position.column), length: Int(position.length))
  }

  /// The index of the owner with full id `id`, if declared.
  public func ownerIndex(_ id: String) -> Int? {
    owners.firstIndex { $0.id == id }
  }

  /// The index of the task with full id `id`, if any.
  public func taskIndex(_ id: String) -> Int? {
    tasks.firstIndex { $0.fullID == id }
  }

  /// The owners at or below the owner at `index` (an organisation and all its units).
  public func ownerSubtree(_ index: Int) -> Set<Int> {
    var members: Set<Int> = [index]
    for (i, owner) in owners.enumerated() where i > index {
      if let parent = owner.parent, members.contains(parent) { members.insert(i) }
    }
    return members
  }

  /// The top-level owner (organisation) of the owner at `index`.
  public func organisation(of index: Int) -> Int {
    var current = index
    var steps = 0
    while let parent = owners[current].parent, steps < owners.count {
      current = parent
      steps += 1
    }
    return current
  }
}
