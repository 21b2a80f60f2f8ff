/// One table of words per language, shared by the reports, the charts, the history reports and the
/// ledger, so that the same thing is said the same way everywhere (the drift this replaces:
/// "未指定责任单位" in charts, "（未指定负责单位）" in the Mermaid export).
///
/// The words every output says are here; each area's own words are a section (`report`, `chart`,
/// `history`, `ledger`). A language is one file that fills the whole table (`Words+English.swift`,
/// `Words+Chinese.swift`): the compiler refuses a table that misses a word. Adding a language is such a
/// file and a case of `Language` that names it.
///
/// A class, so that a report holding its language's table, or asking for a word per row, copies one
/// reference instead of every word of every section.
public final class Words: Sendable {
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
  /// What stands before a diagnostic's hint, its space included ("hint: ", "提示："), in the terminal
  /// and in the editor alike.
  public let hintLabel: String
  /// The status words (逾期, 有风险 …), by status.
  package let statuses: [ScheduleStatus: String]
  /// The reports' own words.
  package let report: ReportWords
  /// The charts' own words.
  package let chart: ChartWords
  /// The words of `diff`, `slip` and `history`.
  public let history: HistoryWords
  /// The ledger workbook's own words.
  package let ledger: LedgerWords

  /// A language's whole table (each language's file calls this once).
  init(
    noOwner: String, status: String, task: String, deadline: String, days: String, planned: String,
    forecast: String, source: String, critical: String, warning: String, supportingMark: String,
    markedBlocked: String, missedOccurrences: String, closed: String, extendedFrom: String, hintLabel: String,
    statuses: [ScheduleStatus: String], report: ReportWords, chart: ChartWords, history: HistoryWords,
    ledger: LedgerWords
  ) {
    self.noOwner = noOwner
    self.status = status
    self.task = task
    self.deadline = deadline
    self.days = days
    self.planned = planned
    self.forecast = forecast
    self.source = source
    self.critical = critical
    self.warning = warning
    self.supportingMark = supportingMark
    self.markedBlocked = markedBlocked
    self.missedOccurrences = missedOccurrences
    self.closed = closed
    self.extendedFrom = extendedFrom
    self.hintLabel = hintLabel
    self.statuses = statuses
    self.report = report
    self.chart = chart
    self.history = history
    self.ledger = ledger
  }
}

extension Language {
  /// This language's table of words.
  public var words: Words {
    switch self {
    case .en: return .en
    case .zh: return .zh
    }
  }
}
