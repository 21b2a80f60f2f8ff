/// The words of `diff`, `slip` and `history`: one section of a language's table of words (`Words`).
public struct HistoryWords: Sendable {
  /// The language of these words (the statuses are said with its shared status words).
  package let language: Language
  /// The plan-format keys in words (`deadline` → 截止日期), by key.
  package let fields: [String: String]
  /// The unit after a signed number of days: "d" / "天".
  package let dayUnit: String
  /// The written statuses `planned` and `active` in words (the others are the schedule's statuses).
  package let plannedStatus, activeStatus: String
  /// "none" for an absent value.
  public let none: String
  /// Column headings.
  package let task, forecast, planned, movedHeader, status, deadline, changesHeader, change, detail: String
  /// What a task without an owner is listed under.
  package let noUnit: String
  /// `diff`'s title, its plan-finish line and its critical paths before and after.
  package let changesTitle: Say<(from: String, to: String, asOf: Day)>
  package let planFinishLabel, criticalPathBefore, criticalPathAfter: String
  /// `diff`'s sections and words.
  package let added, removed, changed: Say<Int>
  package let noChanges, pastDeadline: String
  /// `slip`'s title and the kinds of change it lists.
  package let slipHeading: Say<(since: String, to: String, asOf: Day)>
  package let newlyOverdue, slipped, extended, closed, addedWord, cancelled, removedWord, uncommitted, noEvidence,
    noChange: String
  /// One kind of change and how many: "3 slipped" / "推迟 3 项".
  package let unitCount: Say<(word: String, count: Int)>
  /// The side of a comparison that is the files on disk, not a revision: "working tree" / "工作区".
  package let workingTree: String
  /// `history`'s columns and the word for a revision that does not load.
  package let commit, date, finish, tasks, message, invalid: String
}
