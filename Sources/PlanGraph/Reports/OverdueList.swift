/// What a supervisor must act on as of a date: overdue, at-risk, due-soon and blocked tasks, missed and
/// due-soon occurrences of recurring duties, in the contract's order.
public struct OverdueList: Sendable {
  /// One item of the list.
  public struct Item: Hashable, Sendable {
    /// The task's index in `Plan.tasks`.
    public var task: Int
    /// `overdue`, `atRisk`, `dueSoon` or `blocked` (a summary's own status).
    public var status: ScheduleStatus
    /// Whether the task carries the blocked flag (reports mark it 受阻 / blocked).
    public var isBlocked: Bool
    /// The effective deadline, or the due day of a missed occurrence.
    public var deadline: Day?
    /// The forecast finish (nil for a missed occurrence).
    public var forecastFinish: Day?
    /// Days past the deadline, for overdue items.
    public var daysOverdue: Int?
    /// The missed or pending occurrence, for a recurring duty.
    public var occurrence: Occurrence?
  }

  /// The items: by status (overdue, at risk, due soon, blocked), most days overdue first, then deadline
  /// (none last), then id by code point.
  public var items: [Item]
  /// The counts over the leaves and duties the list covers (the plan's, or those of the units asked for).
  public var counts: StatusCounts

  /// Builds the contract's list from a schedule, keeping only tasks whose owner is in `owners` when given:
  /// leaves by status (blocked ones too), summaries by their own status (never for what rolls up into
  /// them), each missed occurrence of a duty, a due-soon duty's pending occurrence, a blocked duty.
  public init(plan: Plan, schedule: Schedule, owners: Set<Int>? = nil) {
    func included(_ task: Int) -> Bool { ReportText.isIncluded(task, owners: owners, in: plan) }
    counts = owners == nil ? schedule.counts : StatusCounts(plan: plan, schedule: schedule, including: included)
    // By index: a copy of each `PlanTask` or `TaskSchedule` costs a retain and a release per task.
    let tasks = plan.tasks
    let rows = schedule.tasks
    let missed = schedule.missedOccurrences
    // Kinds from the scheduler's flat arrays: reading each 144-byte task (and its children's array) for
    // them cost a cache miss per task.
    let facts = schedule.facts(of: plan)
    let (isDuty, isSummary) = (facts.isDuty, facts.isSummary)
    // The item of task `i`, if it is listed (at most one per task).
    func taskItem(_ i: Int) -> Item? {
      if isDuty[i] {
        let status = rows[i].status
        if status == .dueSoon, let due = rows[i].deadline, let every = tasks[i].recurrence {
          return Item(
            task: i, status: .dueSoon, isBlocked: rows[i].isBlocked, deadline: due, forecastFinish: nil,
            daysOverdue: nil, occurrence: Occurrence(task: i, period: every.period(containing: due)))
        } else if status == .blocked {
          return Item(task: i, status: .blocked, isBlocked: true, deadline: nil, forecastFinish: nil, daysOverdue: nil)
        }
        return nil
      }
      let status = rows[i].ownStatus
      guard
        status == .overdue || status == .atRisk || status == .dueSoon || (status == .blocked && !isSummary[i])
      else { return nil }
      let deadline = rows[i].deadline
      let late = status == .overdue ? deadline.map { schedule.asOf.days(since: $0) } : nil
      return Item(
        task: i, status: status, isBlocked: rows[i].isBlocked, deadline: deadline,
        forecastFinish: rows[i].forecastFinish, daysOverdue: late)
    }
    // The item of missed occurrence `k`.
    func occurrenceItem(_ k: Int) -> Item {
      let occurrence = missed[k]
      return Item(
        task: occurrence.task, status: .overdue, isBlocked: rows[occurrence.task].isBlocked,
        deadline: occurrence.due, forecastFinish: nil, daysOverdue: schedule.asOf.days(since: occurrence.due),
        occurrence: occurrence)
    }
    // Only the sort keys are gathered (the tasks' items first, then the occurrences', each key naming
    // its item's source: a task's index, or the task count plus the occurrence's), and the items made in
    // their sorted order into an array of their exact size: gathering the items and then copying them in
    // order held both (and the gathering's spare capacity) at the report's peak of memory.
    var keys = [Key]()
    for i in tasks.indices where owners == nil || included(i) {
      if let item = taskItem(i) { keys.append(Self.key(item, source: i, tasks: tasks)) }
    }
    for k in missed.indices where included(missed[k].task) {
      keys.append(Self.key(occurrenceItem(k), source: tasks.count + k, tasks: tasks))
    }
    Self.sort(&keys, tasks: tasks)
    let taskCount = tasks.count
    items = keys.map { key in
      let source = Int(key.item)
      return source < taskCount ? taskItem(source).unsafelyUnwrapped : occurrenceItem(source - taskCount)
    }
  }

  /// What the items are sorted by, small integers, with the item's source (`init`) as the last tie-break:
  /// the order the items are given in.
  private struct Key {
    var rank: Int32
    /// Days overdue, negated: most first.
    var lateness: Int32
    var deadline: Int32
    var task: Int32
    /// The first eight bytes of the task's id, big-endian, zero-padded: ids compared without reading them.
    var idPrefix: UInt64
    var item: Int32
  }

  /// The sort key of `item`, whose source is `source`.
  private static func key(_ item: Item, source: Int, tasks: [PlanTask]) -> Key {
    let rank: Int32
    switch item.status {
    case .overdue: rank = 0
    case .atRisk: rank = 1
    case .dueSoon: rank = 2
    case .blocked: rank = 3
    default: rank = 4
    }
    // Days and day numbers of the years 1–9999 fit 32 bits; clamping keeps the order of any others.
    return Key(
      rank: rank, lateness: Int32(clamping: -(item.daysOverdue ?? 0)),
      deadline: Int32(clamping: item.deadline?.ordinal ?? .max), task: Int32(item.task),
      idPrefix: tasks[item.task].withFullIDUTF8(idPrefix), item: Int32(source))
  }

  /// Sorts `keys` by status (overdue, at risk, due soon, blocked), most days overdue first, then deadline
  /// (none last), then id by code point, keys equal in all of these in their sources' order.
  ///
  /// Sorted as small keys of integers, with the ids compared only between items whose keys are equal,
  /// and then as UTF-8 bytes, whose order is the code points' order.
  private static func sort(_ keys: inout [Key], tasks: [PlanTask]) {
    keys.sort { a, b in
      if a.rank != b.rank { return a.rank < b.rank }
      if a.lateness != b.lateness { return a.lateness < b.lateness }
      if a.deadline != b.deadline { return a.deadline < b.deadline }
      if a.idPrefix != b.idPrefix { return a.idPrefix < b.idPrefix }
      // Two tasks' full ids differ; one task's items (a duty's occurrences) keep the order given.
      if a.task != b.task { return PlanTask.fullIDPrecedes(tasks[Int(a.task)], tasks[Int(b.task)]) }
      return a.item < b.item
    }
  }

  /// The first eight UTF-8 bytes of `id` as a big-endian number, zero-padded: two ids whose prefixes differ
  /// are in the prefixes' order (no id holds a zero byte, so a shorter id's padding sorts first, as it should).
  private static func idPrefix(_ id: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var prefix: UInt64 = 0
    var taken = 0
    for byte in id {
      guard taken < 8 else { break }
      prefix = prefix << 8 | UInt64(byte)
      taken += 1
    }
    return prefix << (8 * UInt64(8 - taken))
  }

  /// Whether anything is overdue (a task or a missed occurrence).
  public var hasOverdue: Bool { items.contains { $0.status == .overdue } }
}
