extension Words {
  /// English: every word of every output, in one table.
  static let en = Words(
    noOwner: "no owner", status: "Status", task: "Task", deadline: "Deadline", days: "Days", planned: "Planned",
    forecast: "Forecast", source: "Source", critical: "Critical", warning: "Warning", supportingMark: "[supporting] ",
    markedBlocked: "Marked blocked", missedOccurrences: "Missed occurrences", closed: "closed (verified)",
    extendedFrom: "extended, originally ", hintLabel: "hint: ",
    statuses: [
      .done: "done", .overdue: "overdue", .atRisk: "at risk", .dueSoon: "due soon", .blocked: "blocked",
      .onTrack: "on track", .cancelled: "cancelled",
    ],
    report: reportEN, chart: chartEN, history: historyEN, ledger: ledgerEN)

  /// `1 task`, `2 tasks`: English's one plural rule.
  private static func plural(_ n: Int, _ word: String, _ words: String? = nil) -> String {
    "\(n) " + (n == 1 ? word : words ?? word + "s")
  }

  private static let reportEN = ReportWords(
    asOf: "as of ", asOfCapital: "As of ", total: "Total: ", colon: ": ", semicolon: "; ", comma: ", ",
    openParen: " (", closeParen: ")", id: "ID", start: "Start", finish: "Finish", latestFinish: "Latest finish",
    latest: "Latest", slack: "Slack", duration: "Duration", planStart: "plan start ", plannedFinish: "planned finish ",
    dueSoonWindow: { ", due-soon window \($0) days" }, dueSoonWithin: { "due soon within \($0) days" },
    nothingToAct: "Nothing is overdue, at risk, due soon or blocked.",
    unitMissed: { " · \($0) missed occurrences" },
    moreMissedThanListed: { "More occurrences of duties were missed than the \($0) listed." },
    daysLate: { "\($0)d late" }, daysLeft: { "\($0)d left" }, today: "today",
    occurrenceDue: { "this period's occurrence is due \($0)" }, missedOnce: { "missed: due \($0)" },
    missedTimes: { "missed \($0.count) times: due \($0.first) … \($0.last)" },
    holdsUp: { "holds up " + plural($0, "task") }, nearestDeadline: { ", nearest deadline \($0.iso)" },
    targetPrefix: "target ", latestPrefix: ", latest ", criticalKey: "★ on the critical path",
    criticalNoSlackKey: "★ critical (no slack)",
    criticalPath: { "Critical path \($0)" },
    pathSummary: { ": \($0.days) days, \($0.first) → \($0.last), " + plural($0.tasks, "task") },
    days: { "\($0) days" }, noCriticalPath: "No critical path: the plan has no scheduled tasks.",
    moreCriticalPaths: { "More critical paths exist than the \($0) listed." },
    unmetDeadlines: "Deadlines the plan cannot meet", allDeadlinesMet: "None: every deadline can be met as planned.",
    checkOK: "ok:", checkOKGap: " ", checkFiles: "files", checkTasks: "tasks", checkOwners: "owners",
    checkDependencies: "dependencies", checkDates: "dates", checkDeadlines: "deadlines", checkTargets: "targets",
    checkStatus: "status", checkCritical: "critical", checkLabelWidth: 13,
    taskKinds: {
      plural($0.leaves, "leaf", "leaves") + " (" + plural($0.milestones, "milestone") + "), "
        + plural($0.summaries, "summary", "summaries") + ", " + plural($0.duties, "recurring duty", "recurring duties")
    },
    inOrganisations: { "in " + plural($0, "organisation") }, withMeasurements: { "\($0) with measurements" },
    spanMeaning: " (plan start → planned finish)",
    onCriticalPaths: {
      ($0.tasks == 1 ? "task" : "tasks") + " on " + plural($0.paths, "critical path")
        + ($0.more ? " (more not listed)" : "")
    },
    attention: "Overdue, at risk, due soon and blocked", targets: "Targets", recurringDuties: "Recurring duties",
    roadmap: "Roadmap", criticalPathHeading: "Critical path", madeBy: "Made by plangraph from ",
    summariesCountedThrough: ". Summaries are counted through their tasks.", criticalTask: "critical",
    blockedColon: "blocked: ", noTargets: "The plan sets no targets.", targetHeading: "Target",
    latestMeasurement: "Latest measurement", notMeasured: "not measured",
    noDuties: "The plan has no recurring duties.", dutyHeading: "Duty", every: "Every", ownerHeading: "Owner",
    heldOfDue: "Held / due", missedHeading: "Missed", path: { "Path \($0)" },
    nothingScheduled: "No task is scheduled.", moreCriticalPathsNotShown: "More critical paths are not shown.",
    unmetDeadlinesColon: "Deadlines the plan cannot meet: ",
    period: {
      switch $0 {
      case .week: return "week"
      case .month: return "month"
      case .quarter: return "quarter"
      case .halfYear: return "half-year"
      case .year: return "year"
      }
    },
    htmlLanguage: "en",
    occurrencesHeld: { "\($0.held) held of \($0.due) due\\, \($0.missed) missed" },
    occurrenceOfDuty: "Occurrence of duty ", ownerLabel: "Owner: ", statusLabel: "Status: ", sourceLabel: "Source: ",
    targetLabel: "Target: ", taskLabel: "Task: ", asOfInParens: { " (as of \($0.iso))" },
    ledgerColumns: [
      "id", "name", "owner", "owner name", "source", "planned start", "deadline", "planned finish", "forecast finish",
      "slack", "status", "blocked", "days overdue", "warning", "progress", "latest measurement", "measured on",
      "target", "done on", "evidence", "note", "critical",
    ],
    yes: "yes",
    leafScope: { plural($0, "task") }, dutyScope: { " and " + plural($0, "recurring duty", "recurring duties") },
    statusCount: { "\($0.count) " + $0.status },
    countExtras: {
      "\($0.missed) missed \($0.missed == 1 ? "occurrence" : "occurrences") of duties · "
        + "\($0.blocked) marked blocked · \($0.cancelled) cancelled"
    },
    weekdaysCalendar: "working days: Monday to Friday",
    chinaCalendar: { "working days: China's official calendar (holidays and make-up working days, \($0))" },
    ownDays: {
      ", with " + plural($0.holidays, "local holiday") + " and " + plural($0.workdays, "extra working day")
    })

  private static let chartEN = ChartWords(
    graph: "Dependency graph", timeline: "Roadmap", gantt: "Gantt chart", battleMap: "Battle map",
    asOf: { "as of \($0.iso)" },
    due: { "due \($0.iso)" }, forecast: { "forecast \($0.iso)" }, finishedOn: { "finished \($0.iso)" },
    planned: { "planned \($0.iso)" }, tasks: { plural($0, "task") }, foldedTasks: { "\($0) tasks inside" },
    overdueDays: { plural($0, "day") + " overdue" }, missed: { "\($0) missed" }, critical: "critical",
    criticalDependency: "critical dependency", dependency: "dependency", criticalTask: "critical task",
    deadlineMark: "deadline", forecastSlip: "forecast beyond plan", nonWorkingDay: "non-working day",
    makeUpWorkingDay: "make-up working day", milestone: "milestone", late: "late",
    recurringDuties: "Recurring duties (not in the graph)", noTasks: "No task matches the filter.",
    every: {
      switch $0 {
      case .week: return "weekly"
      case .month: return "monthly"
      case .quarter: return "quarterly"
      case .halfYear: return "half-yearly"
      case .year: return "yearly"
      }
    },
    foldedAutomatically: {
      "\($0.tasks) tasks folded to \($0.shown) summaries (\($0.depth == 1 ? "level 1" : "levels 1–\($0.depth)"))"
    },
    levels: { $0 == 1 ? "level 1" : "levels 1–\($0)" }, moreOrganisations: { "\($0) more organisations" },
    more: { "+\($0) more" },
    month: { ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][($0 + 11) % 12] },
    year: { "\($0)" }, quarter: { "\($0.year) Q\($0.quarter)" }, unit: "Unit", daysLate: { " · \($0) d late" },
    nothingToDraw: "Nothing to draw",
    trendKey: "Milestone trend: forecast finish (up) at each revision (across); dashed: forecast = report date",
    legendExtra: { "\($0.missed) missed occurrences · \($0.blocked) marked blocked" }, warningLabel: "Warning:")

  private static let historyEN = HistoryWords(
    language: .en,
    fields: [
      "id": "id", "name": "name", "owner": "owner", "start": "start", "duration": "duration", "deadline": "deadline",
      "after": "after", "status": "status", "done": "done", "progress": "progress", "target": "target",
      "measurements": "measurements", "evidence": "evidence", "source": "source",
    ],
    dayUnit: "d", plannedStatus: "planned", activeStatus: "active", none: "none", task: "Task", forecast: "Forecast",
    planned: "Planned", movedHeader: "Moved", status: "Status", deadline: "Deadline", changesHeader: "Changes",
    change: "Change", detail: "Detail", noUnit: "(no owner)",
    changesTitle: { "Changes from \($0.from) to \($0.to), as of \($0.asOf.iso)" }, planFinishLabel: "Plan finish: ",
    criticalPathBefore: "Critical path before: ", criticalPathAfter: "Critical path after:  ",
    added: { "Added (\($0))" }, removed: { "Removed (\($0))" }, changed: { "Changed (\($0))" },
    noChanges: "No changes.", pastDeadline: "now forecast past its deadline",
    slipHeading: { "What changed since \($0.since), to \($0.to), as of \($0.asOf.iso)" },
    newlyOverdue: "newly overdue", slipped: "slipped", extended: "deadline extended", closed: "newly done",
    addedWord: "added", cancelled: "cancelled", removedWord: "removed", uncommitted: "not yet committed",
    noEvidence: "no evidence recorded", noChange: "no change",
    unitCount: { "\($0.count) \($0.word)" }, workingTree: "working tree",
    commit: "Commit", date: "Date", finish: "Finish", tasks: "Tasks", message: "Message", invalid: "invalid")

  private static let ledgerEN = LedgerWords(
    title: "task ledger", keywords: "ledger, supervision", number: "No.", leadUnit: "Lead unit",
    supportingUnits: "Supporting units", timeLimit: "Time limit", progress: "Progress", targetLatest: "Target / latest",
    daysOverdue: "Days overdue", affects: "Affects", evidence: "Evidence", note: "Note", summarySheet: "Summary",
    unassignedSheet: "No unit", unit: "Unit", total: "Total", rank: "Rank", supported: "Supporting",
    onTimeRate: "On-time completion", overdueShare: "Overdue share",
    onTimeRanking: "Ranked by on-time completion rate", overdueRanking: "Ranked by overdue share", tasks: "Tasks",
    heading: { $0.prefix(1).uppercased() + $0.dropFirst() },
    asOf: { "As of \($0.iso)" }, finishedLate: " (late)", every: { "every \($0.rawValue)" },
    listCount: { "\($0): " }, listMore: { " and \($0) more" },
    latestMeasurement: { " / latest \($0.value) (\($0.date.iso))" }, pageFooter: "&CPage &P of &N",
    notes: [
      "Counts are over each unit's non-cancelled leaf tasks and recurring duties that it or one of its units leads (summaries are not counted); cancelled ones are counted apart.",
      "On-time completion rate = tasks done by their deadline ÷ tasks due by the as-of date or already done; ranked highest first.",
      "Overdue share = overdue tasks ÷ tasks; ranked lowest first (rank 1 has the smallest share).",
      "Warning lights follow the plan's warning rules (warnings:), or by default: red when overdue; yellow when at risk, 10 or more points behind the expected progress, or due within 7 days; green otherwise.",
      "Expected progress = the elapsed share of the task's planned start-to-finish as of the as-of date.",
    ])
}
