/// A wording that takes a value: a count, a day, a pair of them.
package typealias Say<Value> = @Sendable (Value) -> String

/// The words of the reports (`schedule`, `overdue`, `critical`, `check`, the HTML page, the calendar
/// and Mermaid exports, the ledger CSV): one section of a language's table of words (`Words`).
///
/// Only words live here; which of them a report says, and in which order, is the report's.
package struct ReportWords: Sendable {
  // MARK: Shared by several reports

  /// "as of " / "截至 " in a line of text; "As of " / "截至 " starting one.
  package let asOf, asOfCapital: String
  /// Before a report's totals: "Total: " / "合计：".
  package let total: String
  /// What joins a label to its text, a list's items, a parenthesis: ": " / "：", "; " / "；", ", " / "，",
  /// " (" / "（", ")" / "）".
  package let colon, semicolon, comma, openParen, closeParen: String
  /// The column headings of the schedule and critical tables: 编号, 开始, 完成, 最迟完成, 时差, 工期.
  package let id, start, finish, latestFinish, latest, slack, duration: String
  /// Plan start and planned finish: "plan start " / "计划开始 ", "planned finish " / "计划完成 ".
  package let planStart, plannedFinish: String

  // MARK: overdue

  /// The due-soon window after the as-of date: ", due-soon window 30 days" / "，即将到期窗口 30 天".
  package let dueSoonWindow: Say<Int>
  /// The HTML page's window line: "due soon within 30 days" / "即将到期窗口 30 天".
  package let dueSoonWithin: Say<Int>
  /// Said when nothing needs action.
  package let nothingToAct: String
  /// A unit's missed occurrences after its status counts: " · 3 missed occurrences".
  package let unitMissed: Say<Int>
  /// Said when the schedule lists fewer missed occurrences than there are: the number listed.
  package let moreMissedThanListed: Say<Int>
  /// Days past the deadline, days left, and "today": "12d late" / "逾期12天".
  package let daysLate, daysLeft: Say<Int>
  package let today: String
  /// A duty's pending occurrence, its one missed occurrence, and several: "missed 3 times: due A … B".
  package let occurrenceDue, missedOnce: Say<String>
  package let missedTimes: Say<(count: Int, first: String, last: String)>
  /// What a late task holds up: "holds up 3 tasks" / "影响后续 3 项", then ", nearest deadline D".
  package let holdsUp: Say<Int>
  package let nearestDeadline: Say<Day>
  /// A target in a detail line ("target " / "目标 ") and its latest measurement (", latest " / "，最新 ").
  package let targetPrefix, latestPrefix: String
  /// The key under a report that uses ★: on the critical path (overdue), no slack (schedule).
  package let criticalKey, criticalNoSlackKey: String

  // MARK: critical

  /// A critical path's heading and its summary line: length in days, first start, last finish, tasks.
  package let criticalPath: Say<Int>
  package let pathSummary: Say<(days: Int, first: String, last: String, tasks: Int)>
  /// A length in days: "12 days" / "12 天".
  package let days: Say<Int>
  /// Said when there is no critical path, or more than are listed.
  package let noCriticalPath: String
  package let moreCriticalPaths: Say<Int>
  /// The heading over the deadlines the plan cannot meet, and the line when there are none.
  package let unmetDeadlines, allDeadlinesMet: String

  // MARK: check

  /// The labels of `check`'s summary lines, and the width they are padded to.
  package let checkOK, checkOKGap, checkFiles, checkTasks, checkOwners, checkDependencies, checkDates, checkDeadlines,
    checkTargets, checkStatus, checkCritical: String
  package let checkLabelWidth: Int
  /// What the tasks line says: leaves, milestones, summaries and duties.
  package let taskKinds: Say<(leaves: Int, milestones: Int, summaries: Int, duties: Int)>
  /// How many organisations the owners are in; how many targets have measurements.
  package let inOrganisations, withMeasurements: Say<Int>
  /// What a span of dates is: " (plan start → planned finish)".
  package let spanMeaning: String
  /// How many tasks are on how many critical paths, and whether more are not listed.
  package let onCriticalPaths: Say<(tasks: Int, paths: Int, more: Bool)>

  // MARK: The HTML page

  /// The section headings and the words of their tables.
  package let attention, targets, recurringDuties, roadmap, criticalPathHeading: String
  package let madeBy, summariesCountedThrough, criticalTask, blockedColon: String
  package let noTargets, targetHeading, latestMeasurement, notMeasured: String
  package let noDuties, dutyHeading, every, ownerHeading, heldOfDue, missedHeading: String
  package let path: Say<Int>
  package let nothingScheduled, moreCriticalPathsNotShown, unmetDeadlinesColon: String
  /// How often a duty recurs, as a column value: "month" / "每月".
  package let period: Say<Recurrence>
  /// The page's `lang` attribute.
  package let htmlLanguage: String

  // MARK: The calendar export

  /// A duty's occurrences held, due and missed, in an ICS property (the comma already escaped).
  package let occurrencesHeld: Say<(held: Int, due: Int, missed: Int)>
  /// The description's labels.
  package let occurrenceOfDuty, ownerLabel, statusLabel, sourceLabel, targetLabel, taskLabel: String

  // MARK: The Mermaid export and the ledger CSV

  /// The title's date: " (as of D)" / "（截至 D）".
  package let asOfInParens: Say<Day>
  /// The ledger CSV's column headings, in order.
  package let ledgerColumns: [String]
  /// A flag that is set: "yes" / "是".
  package let yes: String

  // MARK: Counts and calendars

  /// What was counted: leaves, and duties when there are any.
  package let leafScope: Say<Int>
  package let dutyScope: Say<Int>
  /// One status and its count: "15 overdue" / "逾期 15".
  package let statusCount: Say<(status: String, count: Int)>
  /// What is counted beside the statuses: missed occurrences, marked blocked, cancelled.
  package let countExtras: Say<(missed: Int, blocked: Int, cancelled: Int)>
  /// Which days are working days: Monday to Friday, China's calendar over the years covered, and a
  /// plan's own holidays and working days.
  package let weekdaysCalendar: String
  package let chinaCalendar: Say<String>
  package let ownDays: Say<(holidays: Int, workdays: Int)>
}
