/// One table of words per language, shared by the reports and the charts, so that the same thing is
/// said the same way everywhere (the drift this replaces: "未指定责任单位" in charts, "（未指定负责单位）"
/// in reports). Adding a language is a table here and a case of `Language`.
public struct Words: Sendable {
  /// What a task without an owner is filed under.
  public let noOwner: String
  /// Column headings shared by the tables, the Markdown, the HTML and the CSV.
  public let status, task, deadline, days, planned, forecast, source, critical: String
  /// The warning light's column (预警), its mark for a row a unit only supports (【配合】), and the
  /// count headings beside the statuses: the blocked flag and the duties' missed occurrences.
  public let warning, supportingMark, markedBlocked, missedOccurrences: String
  /// A done task whose closing was verified (`verified-by`: 已销号), and the words before an extended
  /// task's original deadline (`extensions`: 已延期，原定 …).
  public let closed, extendedFrom: String
  /// The status words (逾期, 有风险 …), by status.
  package let statuses: [ScheduleStatus: String]

  /// English.
  static let en = Words(
    noOwner: "no owner", status: "Status", task: "Task", deadline: "Deadline", days: "Days", planned: "Planned",
    forecast: "Forecast", source: "Source", critical: "Critical", warning: "Warning", supportingMark: "[supporting] ",
    markedBlocked: "Marked blocked", missedOccurrences: "Missed occurrences", closed: "closed (verified)",
    extendedFrom: "extended, originally ",
    statuses: [
      .done: "done", .overdue: "overdue", .atRisk: "at risk", .dueSoon: "due soon", .blocked: "blocked",
      .onTrack: "on track", .cancelled: "cancelled",
    ])

  /// Simplified Chinese.
  static let zh = Words(
    noOwner: "未指定责任单位", status: "状态", task: "任务", deadline: "截止", days: "天数", planned: "计划完成",
    forecast: "预测完成", source: "依据条款", critical: "关键", warning: "预警", supportingMark: "【配合】",
    markedBlocked: "标记受阻", missedOccurrences: "未按期开展次数", closed: "已销号", extendedFrom: "已延期，原定 ",
    statuses: [
      .done: "已完成", .overdue: "逾期", .atRisk: "有风险", .dueSoon: "即将到期", .blocked: "受阻", .onTrack: "正常",
      .cancelled: "已取消",
    ])
}

extension Language {
  /// This language's table of words.
  public var words: Words { self == .zh ? .zh : .en }
}
