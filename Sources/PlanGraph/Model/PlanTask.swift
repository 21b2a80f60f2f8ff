/// One measure of a plan: a leaf, a summary over children, or a recurring duty.
///
/// Plain values as the loader validated them; scheduling never changes a `PlanTask`. Stored compactly
/// (small integers, rarely used fields in one shared box) because plans run to a million tasks; the
/// public properties read and write like ordinary stored ones.
///
/// A task from the loader's fast path keeps no text or list of its own: its id, full id, name and
/// `after` entries (with their positions) are offsets into the plan's one shared `PlanArena`, turned
/// into a `String` or an array only when read. A value set from code (or by the full loader) is kept
/// in the task's own box instead and wins over the arena. Either way equality and hashing go by the
/// values, so an arena-backed task equals a `String`-backed one with the same name.
public struct PlanTask: Hashable, Sendable {
  /// Indices of the children in `Plan.tasks`, in file order.
  public var children: [Int] = []
  // The storage of the text and references: read and written only by PlanTask+Storage.swift.

  /// The plan's shared text and references; nil for a task made from code.
  var arena: PlanArena?
  /// Where the arena-backed values are in `arena`.
  var slices = ArenaSlices()
  /// Values set from code, overriding the arena's; nil while everything comes from the arena.
  var owned: OwnedBox?
  /// Where the task, its deadline and its done date are written.
  var places: TaskPlaces

  private var parentIndex: Int32 = -1
  private var ownerIndex: Int32 = -1
  private var durationCount: Int32 = -1
  private var startDay: Int32 = PlanTask.absent
  private var deadlineDay: Int32 = PlanTask.absent
  private var doneDay: Int32 = PlanTask.absent
  // The one-byte fields together, so that the task has no padding between them.
  /// The written status; `done` when a `done` date is given.
  public var status: TaskStatus = .planned
  /// The period of a recurring duty; nil for other tasks.
  public var recurrence: Recurrence?
  private var durationSpelling: PlanDuration.Spelling = .d
  private var progressPercent: Int8 = -1
  private var details: DetailsBox?

  private static let absent = Int32.min

  /// Creates a task with only its identity; the loader fills in the rest.
  public init(id: String, fullID: String, name: String, parent: Int?, locations: TaskLocations) {
    self.places = locations.places
    self.owned = OwnedBox(OwnedFields(id: id, fullID: fullID, name: name))
    self.parent = parent
    if !locations.after.isEmpty { self.locations = locations }
  }

  /// The id as written, unique among siblings (`staffing`).
  public var id: String {
    get { owned?.value.id ?? arenaString(slices.idStart, slices.idLength) }
    set { updateOwned { $0.id = newValue } }
  }
  /// The dotted full id: namespace, ancestors' ids, own id (`league.restructure.staffing`).
  public var fullID: String {
    get { owned?.value.fullID ?? arenaString(slices.fullIDStart, slices.fullIDLength) }
    set { updateOwned { $0.fullID = newValue } }
  }
  /// The display name.
  public var name: String {
    get { owned?.value.name ?? arenaString(slices.nameStart, slices.nameLength) }
    set { updateOwned { $0.name = newValue } }
  }
  /// Finish-to-start predecessors as written, resolved to task indices (a summary means its leaves).
  public var after: [Int] {
    get { owned?.value.after ?? arenaAfter() }
    set { updateOwned { $0.after = newValue } }
    _modify {
      // Moved out of the box while changed, so that appending one entry at a time copies nothing.
      let box = uniqueOwned()
      var value = box.value.after ?? arenaAfter()
      box.value.after = []
      defer { box.value.after = value }
      yield &value
    }
  }
  /// Where the task and some of its values are written, for diagnostics after loading.
  public var locations: TaskLocations {
    get { TaskLocations(places: places, after: afterPlaces()) }
    set { store(newValue) }
    _modify {
      var value = TaskLocations(places: places, after: takeAfterPlaces())
      defer { store(value) }
      yield &value
    }
  }

  /// Index of the parent task in `Plan.tasks`, nil at the top of a file.
  public var parent: Int? {
    get { parentIndex < 0 ? nil : Int(parentIndex) }
    set { parentIndex = newValue.map { Int32(clamping: $0) } ?? -1 }
  }
  /// Index of the responsible owner in `Plan.owners`, after inheritance; nil when none.
  public var owner: Int? {
    get { ownerIndex < 0 ? nil : Int(ownerIndex) }
    set { ownerIndex = newValue.map { Int32(clamping: $0) } ?? -1 }
  }
  /// The stated duration, with the unit word it was written with; nil when not written (a leaf then
  /// lasts `0d`).
  public var duration: PlanDuration? {
    get { durationCount < 0 ? nil : PlanDuration(count: Int(durationCount), spelling: durationSpelling) }
    set {
      durationCount = newValue.map { Int32(clamping: max(0, $0.count)) } ?? -1
      durationSpelling = newValue?.spelling ?? .d
    }
  }
  /// Not earlier than this day (`start:`).
  public var start: Day? {
    get { Self.day(startDay) }
    set { startDay = Self.stored(newValue) }
  }
  /// Finished by the end of this day (`deadline:`).
  public var deadline: Day? {
    get { Self.day(deadlineDay) }
    set { deadlineDay = Self.stored(newValue) }
  }
  /// The day it was finished, for a leaf.
  public var doneDate: Day? {
    get { Self.day(doneDay) }
    set { doneDay = Self.stored(newValue) }
  }
  /// Percent complete of an active task, 0…100.
  public var progress: Int? {
    get { progressPercent < 0 ? nil : Int(progressPercent) }
    set { progressPercent = newValue.map { Int8(clamping: min(100, max(0, $0))) } ?? -1 }
  }

  /// The days a recurring duty was held.
  public var heldDates: [Day] {
    get { details?.value.heldDates ?? [] }
    set { update { $0.heldDates = newValue } }
  }
  /// What proves it done.
  public var evidence: String? {
    get { details?.value.evidence }
    set { update { $0.evidence = newValue } }
  }
  /// A quantitative target, on a leaf.
  public var target: Target? {
    get { details?.value.target }
    set { update { $0.target = newValue } }
  }
  /// Observed values of the target's metric, in file order.
  public var measurements: [Measurement] {
    get { details?.value.measurements ?? [] }
    set { update { $0.measurements = newValue } }
  }
  /// First day a duty runs (`from:`); nil means the plan start.
  public var recurrenceFrom: Day? {
    get { details?.value.from }
    set { update { $0.from = newValue } }
  }
  /// Last day a duty runs (`until:`); nil means the as-of date.
  public var recurrenceUntil: Day? {
    get { details?.value.until }
    set { update { $0.until = newValue } }
  }
  /// The clause of the source document this task implements.
  public var source: String? {
    get { details?.value.source }
    set { update { $0.source = newValue } }
  }
  /// A free remark.
  public var note: String? {
    get { details?.value.note }
    set { update { $0.note = newValue } }
  }
  /// Who checked the evidence and closed the task (`verified-by`): 已销号 rather than only 已完成.
  public var verifiedBy: String? {
    get { details?.value.verifiedBy }
    set { update { $0.verifiedBy = newValue } }
  }
  /// The deadline extensions granted (`extensions`), oldest first: the first one's `from` is the
  /// original deadline, for 已延期 with the date first set.
  public var extensions: [DeadlineExtension] {
    get { details?.value.extensions ?? [] }
    set { update { $0.extensions = newValue } }
  }
  /// Free labels.
  public var tags: [String] {
    get { details?.value.tags ?? [] }
    set { update { $0.tags = newValue } }
  }
  /// The supporting units (`support:`, 配合单位), as indices in `Plan.owners`, in the order written.
  public var support: [Int] {
    get { details?.value.support ?? [] }
    set { update { $0.support = newValue } }
  }

  /// Whether the task has children (its dates span theirs).
  public var isSummary: Bool { !children.isEmpty }
  /// Whether the task is a recurring duty (`every:`).
  public var isDuty: Bool { recurrence != nil }
  /// Whether the task is a leaf: scheduled in the dependency graph.
  public var isLeaf: Bool { children.isEmpty && recurrence == nil }
  /// Whether the task is a leaf that takes no time.
  public var isMilestone: Bool { isLeaf && durationCount <= 0 }

  /// Whether two tasks have the same values, wherever each keeps them.
  public static func == (lhs: PlanTask, rhs: PlanTask) -> Bool {
    lhs.parentIndex == rhs.parentIndex && lhs.ownerIndex == rhs.ownerIndex
      && lhs.durationCount == rhs.durationCount && lhs.durationSpelling == rhs.durationSpelling
      && lhs.startDay == rhs.startDay && lhs.deadlineDay == rhs.deadlineDay && lhs.doneDay == rhs.doneDay
      && lhs.progressPercent == rhs.progressPercent && lhs.status == rhs.status
      && lhs.recurrence == rhs.recurrence && lhs.children == rhs.children && lhs.details == rhs.details
      && lhs.places == rhs.places && lhs.sameStoredValues(as: rhs)
  }

  /// Hashes the values, wherever they are kept (an arena-backed task hashes as its `String`s would).
  public func hash(into hasher: inout Hasher) {
    hasher.combine(parentIndex)
    hasher.combine(ownerIndex)
    hasher.combine(durationCount)
    hasher.combine(durationSpelling)
    hasher.combine(startDay)
    hasher.combine(deadlineDay)
    hasher.combine(doneDay)
    hasher.combine(progressPercent)
    hasher.combine(status)
    hasher.combine(recurrence)
    hasher.combine(children)
    hasher.combine(details)
    hashStoredValues(into: &hasher)
  }

  private static func day(_ stored: Int32) -> Day? {
    stored == absent ? nil : Day(ordinal: Int(stored))
  }

  private static func stored(_ day: Day?) -> Int32 {
    guard let day else { return absent }
    return Int32(clamping: max(Int(Int32.min) + 1, day.ordinal))
  }

  /// Changes the rarely used fields, copying their box first when another task shares it.
  private mutating func update(_ change: (inout TaskDetails) -> Void) {
    // Checked before anything else holds the box: a `let box = details` taken first is a second
    // reference, and the box would never look unique.
    if isKnownUniquelyReferenced(&details), let box = details {
      change(&box.value)
      if box.value == TaskDetails() { details = nil }
      return
    }
    var value = details?.value ?? TaskDetails()
    change(&value)
    details = value == TaskDetails() ? nil : DetailsBox(value)
  }
}

/// The fields few tasks have, kept apart so that the common task stays small.
private struct TaskDetails: Hashable, Sendable {
  var heldDates: [Day] = []
  var evidence: String?
  var target: Target?
  var measurements: [Measurement] = []
  var from: Day?
  var until: Day?
  var source: String?
  var note: String?
  var tags: [String] = []
  var verifiedBy: String?
  var extensions: [DeadlineExtension] = []
  var support: [Int] = []
}

/// A box for `TaskDetails`, copied before any write while shared, so `PlanTask` keeps value semantics.
private final class DetailsBox: Hashable, @unchecked Sendable {
  var value: TaskDetails

  init(_ value: TaskDetails) {
    self.value = value
  }

  static func == (lhs: DetailsBox, rhs: DetailsBox) -> Bool { lhs.value == rhs.value }

  func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
