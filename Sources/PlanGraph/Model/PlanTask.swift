/// One measure of a plan: a leaf, a summary over children, or a recurring duty.
///
/// Plain values as the loader validated them; scheduling never changes a `PlanTask`.
public struct PlanTask: Hashable, Sendable {
  /// The id as written, unique among siblings (`staffing`).
  public var id: String
  /// The dotted full id: namespace, ancestors' ids, own id (`league.restructure.staffing`).
  public var fullID: String
  /// The display name.
  public var name: String
  /// Index of the parent task in `Plan.tasks`, nil at the top of a file.
  public var parent: Int?
  /// Indices of the children in `Plan.tasks`, in file order.
  public var children: [Int] = []
  /// Index of the responsible owner in `Plan.owners`, after inheritance; nil when none.
  public var owner: Int?
  /// The stated duration; nil when not written (a leaf then lasts `0d`).
  public var duration: PlanDuration?
  /// Not earlier than this day (`start:`).
  public var start: Day?
  /// Finished by the end of this day (`deadline:`).
  public var deadline: Day?
  /// Finish-to-start predecessors as written, resolved to task indices (a summary means its leaves).
  public var after: [Int] = []
  /// The written status; `done` when a `done` date is given.
  public var status: TaskStatus = .planned
  /// The day it was finished, for a leaf.
  public var doneDate: Day?
  /// The days a recurring duty was held.
  public var heldDates: [Day] = []
  /// Percent complete of an active task, 0…100.
  public var progress: Int?
  /// What proves it done.
  public var evidence: String?
  /// A quantitative target, on a leaf.
  public var target: Target?
  /// Observed values of the target's metric, in file order.
  public var measurements: [Measurement] = []
  /// The period of a recurring duty; nil for other tasks.
  public var recurrence: Recurrence?
  /// First day a duty runs (`from:`); nil means the plan start.
  public var recurrenceFrom: Day?
  /// Last day a duty runs (`until:`); nil means the as-of date.
  public var recurrenceUntil: Day?
  /// The clause of the source document this task implements.
  public var source: String?
  /// A free remark.
  public var note: String?
  /// Free labels.
  public var tags: [String] = []
  /// Where the task and some of its values are written, for diagnostics after loading.
  public var locations: TaskLocations

  /// Creates a task with only its identity; the loader fills in the rest.
  public init(id: String, fullID: String, name: String, parent: Int?, locations: TaskLocations) {
    self.id = id
    self.fullID = fullID
    self.name = name
    self.parent = parent
    self.locations = locations
  }

  /// Whether the task has children (its dates span theirs).
  public var isSummary: Bool { !children.isEmpty }
  /// Whether the task is a recurring duty (`every:`).
  public var isDuty: Bool { recurrence != nil }
  /// Whether the task is a leaf: scheduled in the dependency graph.
  public var isLeaf: Bool { children.isEmpty && recurrence == nil }
  /// Whether the task is a leaf that takes no time.
  public var isMilestone: Bool { isLeaf && (duration?.days ?? 0) == 0 }
}

/// Where a task and the values later stages may complain about are written.
public struct TaskLocations: Hashable, Sendable {
  /// The task's `id` value (or the task's mapping when it has none).
  public var id: SourcePosition
  /// The `deadline` value.
  public var deadline: SourcePosition?
  /// The `done` value.
  public var done: SourcePosition?
  /// Each `after` entry, parallel to `PlanTask.after`.
  public var after: [SourcePosition] = []

  /// Creates locations with only the task's own.
  public init(id: SourcePosition) {
    self.id = id
  }
}
