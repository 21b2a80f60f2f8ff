/// The light a task shows as of a date: a level of the rules, or done or cancelled.
public enum WarningLight: Hashable, Sendable {
  /// The level at this index of `WarningRules.levels`.
  case level(Int)
  /// Done: no light (已完成).
  case done
  /// Cancelled: no light (已取消).
  case cancelled
  /// Open, but no level matched (rules without a catch-all).
  case none
}

/// What the conditions are evaluated over: the facts of one task as of the as-of date.
public struct WarningFacts: Hashable, Sendable {
  /// Days overdue; nil when not overdue.
  public var daysOverdue: Int?
  /// Days from the as-of date to the deadline; nil without a deadline.
  public var daysUntilDeadline: Int?
  /// Expected progress minus actual progress, in points; nil when there is no planned span or progress.
  public var pointsBehind: Int?
  /// Whether the forecast finish is after the deadline.
  public var isAtRisk: Bool

  /// Creates the facts.
  public init(daysOverdue: Int?, daysUntilDeadline: Int?, pointsBehind: Int?, isAtRisk: Bool) {
    self.daysOverdue = daysOverdue
    self.daysUntilDeadline = daysUntilDeadline
    self.pointsBehind = pointsBehind
    self.isAtRisk = isAtRisk
  }
}

extension WarningRules {
  /// The light of the task at `index` as of the schedule's date: the first level with a condition that
  /// holds. Any renderer calls this; it reads only the plan and the schedule.
  public func light(for index: Int, plan: Plan, schedule: Schedule) -> WarningLight {
    switch schedule.tasks[index].status {
    case .done: return .done
    case .cancelled: return .cancelled
    default: break
    }
    return light(for: Self.facts(for: index, plan: plan, schedule: schedule))
  }

  /// The lights of every task, with each summary showing the most severe light below it (or its own,
  /// when more severe): a summary over an overdue task is red whatever its own dates say. A summary
  /// whose tasks are all done or cancelled shows its own status.
  public func lights(plan: Plan, schedule: Schedule) -> [WarningLight] {
    Array(lightTable(plan: plan, schedule: schedule))
  }

  /// The light for a set of facts.
  public func light(for facts: WarningFacts) -> WarningLight {
    // By index: a copy of each level costs a retain and a release of its name and conditions.
    for n in levels.indices where levels[n].matches(facts) { return .level(n) }
    return .none
  }

  /// The facts of a task: days overdue, days to the deadline, points behind, at risk.
  ///
  /// Expected progress is the elapsed share of the planned span: `(D − start) / (finish + 1 − start)`,
  /// 0 before the start and 100 from the day after the planned finish; actual progress is the task's
  /// `progress` (0 when absent). Summaries and duties have no progress of their own: never behind.
  public static func facts(for index: Int, plan: Plan, schedule: Schedule) -> WarningFacts {
    // Fields read where they lie: a copy of the task or its row per task costs retains and releases.
    let asOf = schedule.asOf.ordinal
    let status = schedule.tasks[index].status
    var behind: Int?
    if plan.tasks[index].isLeaf, let start = schedule.tasks[index].start?.ordinal,
      let finish = schedule.tasks[index].finish?.ordinal
    {
      let span = max(1, finish + 1 - start)
      let elapsed = min(span, max(0, asOf - start))
      let expected = elapsed * 100 / span
      behind = expected - (plan.tasks[index].progress ?? 0)
    }
    return WarningFacts(
      daysOverdue: status == .overdue ? max(1, schedule.tasks[index].daysOverdue ?? 1) : nil,
      daysUntilDeadline: schedule.tasks[index].deadline.map { $0.ordinal - asOf }, pointsBehind: behind,
      isAtRisk: status == .atRisk)
  }

  /// The level's name as written, for JSON; nil for done, cancelled and none.
  public func code(_ light: WarningLight) -> String? {
    if case .level(let n) = light { return levels[n].name }
    return nil
  }

  /// The word for a light: the level's name (the colour words 红 橙 黄 绿 蓝 灰 in English as red,
  /// orange …), or 已完成 / 已取消 (done / cancelled) / empty.
  public func word(_ light: WarningLight, _ language: Language) -> String {
    switch light {
    case .level(let n):
      let name = levels[n].name
      guard language == .en else { return name }
      let english = ["红": "red", "橙": "orange", "黄": "yellow", "绿": "green", "蓝": "blue", "灰": "grey"]
      return english[name] ?? name
    case .done: return ScheduleStatus.done.label(language)
    case .cancelled: return ScheduleStatus.cancelled.label(language)
    case .none: return ""
    }
  }

  /// The colour of a light, 0xRRGGBB; nil for done, cancelled and none.
  public func color(_ light: WarningLight) -> UInt32? {
    if case .level(let n) = light { return levels[n].color }
    return nil
  }
}

extension WarningLevel {
  /// Whether any condition holds (or the level has none).
  func matches(_ facts: WarningFacts) -> Bool {
    if conditions.isEmpty { return true }
    return conditions.contains { condition in
      switch condition {
      case .overdue(let days): return (facts.daysOverdue ?? Int.min) >= days
      case .dueWithin(let days):
        guard facts.daysOverdue == nil, let left = facts.daysUntilDeadline else { return false }
        return left >= 0 && left <= days
      case .behind(let points): return (facts.pointsBehind ?? Int.min) >= points
      case .atRisk: return facts.isAtRisk
      }
    }
  }
}
