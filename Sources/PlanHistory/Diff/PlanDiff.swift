import PlanGraph

/// One side of a comparison: a plan, its schedule and what to call it (`HEAD~1 (3f2a9c1)`, `working tree`).
public struct PlanSide: Sendable {
  /// The plan.
  public var plan: Plan
  /// Its schedule.
  public var schedule: Schedule
  /// The side's name in reports.
  public var label: String

  /// Creates a side.
  public init(plan: Plan, schedule: Schedule, label: String) {
    self.plan = plan
    self.schedule = schedule
    self.label = label
  }
}

/// A task named in a comparison: its full id, name and responsible unit.
public struct TaskReference: Hashable, Sendable {
  /// The dotted full id.
  public var id: String
  /// The display name.
  public var name: String
  /// The responsible owner's name ("" when none).
  public var owner: String
  /// The top-level organisation's name, for grouping ("" when none).
  public var unit: String
  /// Its written status (`cancelled` for a cancelled task).
  public var writtenStatus: String
  /// What proves it done, when written.
  public var evidence: String?
}

/// One field of a task that differs between the two sides, as text.
public struct FieldChange: Hashable, Sendable {
  /// The plan format's key (`deadline`, `duration`, …; `id` for a likely rename).
  public var field: String
  /// The old value ("" when absent).
  public var old: String
  /// The new value ("" when absent).
  public var new: String
}

/// A task present on both sides (or a likely rename) whose fields or schedule differ.
public struct TaskChange: Hashable, Sendable {
  /// The task on the new side.
  public var task: TaskReference
  /// The full id on the old side (differs from `task.id` for a likely rename).
  public var oldID: String
  /// The fields that differ, in the plan format's order.
  public var fields: [FieldChange]
  /// The planned finish before and after.
  public var plannedFinish: (old: Day?, new: Day?)
  /// The forecast finish before and after.
  public var forecastFinish: (old: Day?, new: Day?)
  /// The effective deadline before and after.
  public var deadline: (old: Day?, new: Day?)
  /// The status before and after.
  public var status: (old: ScheduleStatus, new: ScheduleStatus)

  /// Days the planned finish moved (later is positive); nil unless both sides have one.
  public var plannedMoved: Int? { Self.moved(plannedFinish.old, plannedFinish.new) }
  /// Days the forecast finish moved (later is positive); nil unless both sides have one.
  public var forecastMoved: Int? { Self.moved(forecastFinish.old, forecastFinish.new) }
  /// Whether the forecast finish is past the deadline now and was not before: the finding that makes
  /// `diff` exit with status 1.
  public var movedPastDeadline: Bool {
    guard status.new != .done, status.new != .cancelled else { return false }
    return Self.isPast(forecastFinish.new, deadline.new) && !Self.isPast(forecastFinish.old, deadline.old)
  }
  /// The old value of a field, when it changed.
  public func old(_ field: String) -> String? { fields.first { $0.field == field }?.old }
  /// The new value of a field, when it changed.
  public func new(_ field: String) -> String? { fields.first { $0.field == field }?.new }

  static func moved(_ old: Day?, _ new: Day?) -> Int? {
    guard let old, let new else { return nil }
    return new.days(since: old)
  }

  private static func isPast(_ forecast: Day?, _ deadline: Day?) -> Bool {
    guard let forecast, let deadline else { return false }
    return forecast > deadline
  }

  /// Equal when every part is.
  public static func == (lhs: TaskChange, rhs: TaskChange) -> Bool {
    lhs.task == rhs.task && lhs.oldID == rhs.oldID && lhs.fields == rhs.fields
      && lhs.plannedFinish == rhs.plannedFinish && lhs.forecastFinish == rhs.forecastFinish
      && lhs.deadline == rhs.deadline && lhs.status == rhs.status
  }

  /// Hashes the identity and fields.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(task)
    hasher.combine(oldID)
    hasher.combine(fields)
  }
}

/// What changed between two versions of a plan, both scheduled: tasks added, removed and likely
/// renamed, every changed field, and how the schedule moved.
public struct PlanDiff: Sendable {
  /// The old side's name.
  public var from: String
  /// The new side's name.
  public var to: String
  /// The as-of date of the new side (and, for `diff`, of both).
  public var asOf: Day
  /// Tasks only on the new side (renames excluded), in its order.
  public var added: [TaskReference] = []
  /// Tasks only on the old side (renames excluded), in its order.
  public var removed: [TaskReference] = []
  /// Tasks on both sides that differ, and likely renames; biggest forecast slips first.
  public var changed: [TaskChange] = []
  /// The plan's finish before and after.
  public var finish: (old: Day?, new: Day?)
  /// The first critical path before and after, as full ids.
  public var criticalPath: (old: [String], new: [String])

  /// Whether some task's forecast moved past its deadline.
  public var hasNewlyLate: Bool { changed.contains(where: \.movedPastDeadline) }
  /// Days the plan's finish moved; nil unless both sides have one.
  public var finishMoved: Int? { TaskChange.moved(finish.old, finish.new) }

  /// Compares `old` with `new`. Tasks are matched by full id; a removed and an added task with the same
  /// name and owner are taken for a likely rename and compared too.
  public init(old: PlanSide, new: PlanSide) {
    from = old.label
    to = new.label
    asOf = new.schedule.asOf
    finish = (old.schedule.finish, new.schedule.finish)
    criticalPath = (
      (old.schedule.criticalPaths.first ?? []).map { old.plan.tasks[$0].fullID },
      (new.schedule.criticalPaths.first ?? []).map { new.plan.tasks[$0].fullID }
    )
    var oldIndex: [String: Int] = [:]
    oldIndex.reserveCapacity(old.plan.tasks.count)
    for (i, task) in old.plan.tasks.enumerated() { oldIndex[task.fullID] = i }
    var matchedOld = [Bool](repeating: false, count: old.plan.tasks.count)
    var pairs: [(old: Int, new: Int)] = []
    var unmatchedNew: [Int] = []
    for (i, task) in new.plan.tasks.enumerated() {
      if let j = oldIndex[task.fullID] {
        matchedOld[j] = true
        pairs.append((j, i))
      } else {
        unmatchedNew.append(i)
      }
    }
    // Likely renames: same name and owner, each old task used once.
    var unmatchedOldByKey: [String: [Int]] = [:]
    for j in old.plan.tasks.indices where !matchedOld[j] {
      unmatchedOldByKey[Self.renameKey(old.plan, j), default: []].append(j)
    }
    for i in unmatchedNew {
      let key = Self.renameKey(new.plan, i)
      if var candidates = unmatchedOldByKey[key], !candidates.isEmpty {
        let j = candidates.removeFirst()
        unmatchedOldByKey[key] = candidates
        matchedOld[j] = true
        pairs.append((j, i))
      } else {
        added.append(Self.reference(new.plan, i))
      }
    }
    for j in old.plan.tasks.indices where !matchedOld[j] { removed.append(Self.reference(old.plan, j)) }
    for (j, i) in pairs {
      let fields = Self.fieldChanges(old.plan, j, new.plan, i)
      let before = old.schedule.tasks[j]
      let after = new.schedule.tasks[i]
      let change = TaskChange(
        task: Self.reference(new.plan, i), oldID: old.plan.tasks[j].fullID, fields: fields,
        plannedFinish: (before.finish, after.finish), forecastFinish: (before.forecastFinish, after.forecastFinish),
        deadline: (before.deadline, after.deadline), status: (before.status, after.status))
      let moved =
        (change.plannedMoved ?? 0) != 0 || (change.forecastMoved ?? 0) != 0
        || (before.finish == nil) != (after.finish == nil)
        || (before.forecastFinish == nil) != (after.forecastFinish == nil)
      if !fields.isEmpty || moved || before.status != after.status {
        changed.append(change)
      }
    }
    changed.sort { a, b in
      let (x, y) = (a.forecastMoved ?? 0, b.forecastMoved ?? 0)
      return x != y ? x > y : a.task.id < b.task.id
    }
  }

  private static func renameKey(_ plan: Plan, _ index: Int) -> String {
    plan.tasks[index].name + "\u{0}" + (plan.tasks[index].owner.map { plan.owners[$0].id } ?? "")
  }

  static func reference(_ plan: Plan, _ index: Int) -> TaskReference {
    let task = plan.tasks[index]
    let owner = task.owner.map { plan.owners[$0].name } ?? ""
    let unit = task.owner.map { plan.owners[plan.organisation(of: $0)].name } ?? ""
    return TaskReference(
      id: task.fullID, name: task.name, owner: owner, unit: unit, writtenStatus: task.status.rawValue,
      evidence: task.evidence)
  }

  /// The fields of the plan format that differ, as text, in the format's order. Values are compared as
  /// they are stored and turned into text only when they differ: most tasks of a large plan do not.
  static func fieldChanges(_ oldPlan: Plan, _ j: Int, _ newPlan: Plan, _ i: Int) -> [FieldChange] {
    let a = oldPlan.tasks[j]
    let b = newPlan.tasks[i]
    var out: [FieldChange] = []
    func compare<Value: Equatable>(_ field: String, _ old: Value, _ new: Value, _ text: (Value) -> String) {
      if old != new { out.append(FieldChange(field: field, old: text(old), new: text(new))) }
    }
    func day(_ value: Day?) -> String { value?.iso ?? "" }
    func plain(_ value: String?) -> String { value ?? "" }
    compare("id", a.fullID, b.fullID, plain)
    compare("name", a.name, b.name, plain)
    compare(
      "owner", a.owner.map { oldPlan.owners[$0].name }, b.owner.map { newPlan.owners[$0].name }, plain)
    compare("start", a.start, b.start, day)
    compare("duration", a.duration, b.duration) { $0?.description ?? "" }
    compare("deadline", a.deadline, b.deadline, day)
    let afterChanged =
      a.after.count != b.after.count
      || zip(a.after, b.after).contains { oldPlan.tasks[$0].fullID != newPlan.tasks[$1].fullID }
    if afterChanged {
      out.append(
        FieldChange(
          field: "after", old: a.after.map { oldPlan.tasks[$0].fullID }.joined(separator: ", "),
          new: b.after.map { newPlan.tasks[$0].fullID }.joined(separator: ", ")))
    }
    compare("status", a.status, b.status) { $0.rawValue }
    compare("done", a.doneDate, b.doneDate, day)
    compare("progress", a.progress, b.progress) { $0.map { "\($0)%" } ?? "" }
    compare("target", a.target, b.target, describe)
    compare("measurements", a.measurements, b.measurements, describe)
    compare("evidence", a.evidence, b.evidence, plain)
    compare("source", a.source, b.source, plain)
    return out
  }

  private static func describe(_ target: Target?) -> String {
    guard let target else { return "" }
    return "\(target.metric) \(target.comparison.rawValue) \(target.value)" + (target.unit.map { " \($0)" } ?? "")
  }

  private static func describe(_ measurements: [Measurement]) -> String {
    measurements.map { "\($0.date.iso)=\($0.value)" }.joined(separator: ", ")
  }
}
