/// The words of the ledger workbook (`ledger`): its sheets, columns, headings and notes. One section of
/// a language's table of words (`Words`); words the other outputs say too (task, status, warning …)
/// are the shared ones.
package struct LedgerWords: Sendable {
  /// The workbook's title after the plan's, and its keywords.
  package let title, keywords: String
  /// The task sheets' own columns (the others are shared words).
  package let number, leadUnit, supportingUnits, timeLimit, progress, targetLatest, daysOverdue, affects, evidence,
    note: String
  /// The sheets' names: the summary, the tasks without a unit.
  package let summarySheet, unassignedSheet: String
  /// The summary's headings.
  package let unit, total, rank, supported, onTimeRate, overdueShare, onTimeRanking, overdueRanking, tasks: String
  /// A status word as a column heading: capitalised in English, as it is in Chinese.
  package let heading: Say<String>
  /// "As of D".
  package let asOf: Say<Day>
  /// A done task finished late; a duty's period ("every month" / "每月"); a list of tasks and its tail.
  package let finishedLate: String
  package let every: Say<Recurrence>
  package let listCount, listMore: Say<Int>
  /// A target's latest measurement after it: " / latest 93.2 (2018-01-10)".
  package let latestMeasurement: Say<(value: String, date: Day)>
  /// The printed page's footer (Excel's header/footer codes).
  package let pageFooter: String
  /// How the summary's numbers are computed, written under its tables.
  package let notes: [String]
}
