import PlanGraph

/// Every word a chart shows, in English or Chinese.
struct ChartText {
  let language: Language

  /// The chart's name in its subtitle; the timeline drawn by unit is the battle map, not a roadmap.
  func chartName(_ kind: ChartKind, byUnit: Bool = false) -> String {
    if kind == .timeline && byUnit { return language.pick("Battle map", "挂图作战图") }
    switch kind {
    case .graph: return language.pick("Dependency graph", "依赖关系图")
    case .timeline: return language.pick("Roadmap", "路线图")
    case .gantt: return language.pick("Gantt chart", "甘特图")
    }
  }

  func asOf(_ day: Day) -> String { language.pick("as of \(day.iso)", "截至 \(day.iso)") }
  func deadline(_ day: Day) -> String { language.pick("due \(day.iso)", "截止 \(day.iso)") }
  func forecast(_ day: Day) -> String { language.pick("forecast \(day.iso)", "预计 \(day.iso)") }
  func finishedOn(_ day: Day) -> String { language.pick("finished \(day.iso)", "完成于 \(day.iso)") }
  func plannedFinish(_ day: Day) -> String { language.pick("planned \(day.iso)", "计划 \(day.iso)") }
  func tasks(_ count: Int) -> String { language.pick(count == 1 ? "1 task" : "\(count) tasks", "\(count) 项任务") }
  func foldedTasks(_ count: Int) -> String { language.pick("\(count) tasks inside", "含 \(count) 项任务") }
  var critical: String { language.pick("critical", "关键") }
  var criticalDependency: String { language.pick("critical dependency", "关键依赖") }
  var dependency: String { language.pick("dependency", "依赖") }
  var criticalTask: String { language.pick("critical task", "关键任务") }
  var deadlineMark: String { language.pick("deadline", "期限") }
  var forecastSlip: String { language.pick("forecast beyond plan", "预计晚于计划") }
  var nonWorkingDays: String { language.pick("non-working day", "休息日") }
  var makeUpWorkingDay: String { language.pick("make-up working day", "调休上班") }
  var milestone: String { language.pick("milestone", "里程碑") }
  var noOwner: String { language.words.noOwner }
  var late: String { language.pick("late", "晚于期限") }
  var recurringDuties: String { language.pick("Recurring duties (not in the graph)", "定期工作（不在依赖图中）") }
  var noTasks: String { language.pick("No task matches the filter.", "没有符合条件的任务。") }

  /// `N days overdue` / `逾期 N 天`.
  func overdueDays(_ days: Int) -> String {
    language.pick(days == 1 ? "1 day overdue" : "\(days) days overdue", "逾期 \(days) 天")
  }

  /// How often a duty recurs.
  func every(_ recurrence: Recurrence) -> String {
    switch recurrence {
    case .week: return language.pick("weekly", "每周")
    case .month: return language.pick("monthly", "每月")
    case .quarter: return language.pick("quarterly", "每季度")
    case .halfYear: return language.pick("half-yearly", "每半年")
    case .year: return language.pick("yearly", "每年")
    }
  }

  /// Missed occurrences of a duty: `2 missed` / `漏 2 次`.
  func missed(_ count: Int) -> String { language.pick("\(count) missed", "漏 \(count) 次") }

  /// The status in words with its detail: days overdue, a late finish.
  func status(_ row: TaskSchedule) -> String {
    var words = row.status.label(language)
    if row.status == .overdue, let days = row.daysOverdue { words = overdueDays(days) }
    if row.status == .done && row.isLate { words += language.pick(", ", "，") + late }
    // The blocked flag beside a time status (a blocked summary: something below it is blocked).
    if row.isBlocked && row.status != .blocked { words += " · " + ScheduleStatus.blocked.label(language) }
    return words
  }

  /// Why summaries are folded, for the title.
  func folding(_ folding: TaskSelection.Folding, shown: Int) -> String {
    // One level is "level 1", not "levels 1–1".
    let levels =
      folding.depth == 1
      ? language.pick("level 1", "显示第 1 层") : language.pick("levels 1–\(folding.depth)", "显示第 1–\(folding.depth) 层")
    if folding.automatic {
      return language.pick(
        "\(folding.unfoldedCount) tasks folded to \(shown) summaries (\(levels))",
        "\(folding.unfoldedCount) 项任务已折叠为 \(shown) 项（\(levels)）")
    }
    return levels
  }
}
