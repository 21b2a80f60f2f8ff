/// The columns a supervisor's ledger (台账) needs, one record per task or overdue item: shared by the
/// CSV of `schedule`, of `overdue` and `export --format csv`, so the three line up column for column.
struct LedgerCSV {
  let plan: Plan
  let schedule: Schedule
  let language: Language
  /// The warning rules, and each task's light under them (the 预警 column).
  let rules: WarningRules
  let lights: WarningLights

  /// The ledger of `plan`, its lights by `rules` (the plan's own when nil): `lights` when a report's
  /// model has them already, else computed here.
  init(
    plan: Plan, schedule: Schedule, language: Language, rules: WarningRules? = nil, lights: WarningLights? = nil
  ) {
    self.plan = plan
    self.schedule = schedule
    self.language = language
    self.rules = rules ?? plan.warnings
    self.lights = lights ?? self.rules.lightTable(plan: plan, schedule: schedule)
  }

  /// The header row, in the language.
  var header: [String] { language.words.report.ledgerColumns }

  /// One record: the task's row, with an overdue item's status, deadline and days when given.
  func record(_ index: Int, item: OverdueList.Item? = nil) -> [String] {
    let task = plan.tasks[index]
    let row = schedule.tasks[index]
    let status = item?.status ?? row.status
    let isOccurrence = item?.occurrence != nil
    let deadline = item.map(\.deadline) ?? row.deadline
    let late = item.map(\.daysOverdue) ?? row.daysOverdue
    let latest = row.latestMeasurement
    return [
      task.fullID, task.name, ReportText.ownerID(task, in: plan) ?? "", ReportText.ownerPath(task.owner, in: plan),
      task.source ?? "", isOccurrence ? "" : row.start?.iso ?? "", deadline?.iso ?? "",
      isOccurrence ? "" : row.finish?.iso ?? "", isOccurrence ? "" : row.forecastFinish?.iso ?? "",
      isOccurrence ? "" : row.slack.map(String.init) ?? "",
      isOccurrence ? status.label(language) : ReportText.statusWords(status, of: task, language: language),
      row.isBlocked ? language.words.report.yes : "", late.map(String.init) ?? "", rules.word(lights[index], language),
      progress(index).map { "\($0)%" } ?? "",
      latest?.value.description ?? "", latest?.date.iso ?? "", task.target.map(ReportText.target) ?? "",
      row.finishedOn?.iso ?? "", task.evidence ?? "", task.note ?? "", row.isCritical ? language.words.report.yes : "",
    ]
  }

  /// The progress a ledger shows: the task's own `progress`, else for a target what its measurements
  /// on or before the as-of date show (100 once met); nil for summaries, duties and tasks without either.
  func progress(_ index: Int) -> Int? {
    let task = plan.tasks[index]
    if let own = task.progress { return own }
    guard let target = task.target, !task.measurements.isEmpty else { return nil }
    let (latest, _, percent) = TargetProgress.evaluate(task.measurements, target: target, asOf: schedule.asOf.ordinal)
    return latest == nil ? nil : percent
  }

  /// Every task of the plan (or those `included`), in output order.
  func document(including included: (Int) -> Bool = { _ in true }) -> String {
    var out = ByteWriter()
    write(including: included, into: &out)
    return String(decoding: out.bytes, as: UTF8.self)
  }

  /// Writes every task of the plan (or those `included`) into `out`, in output order.
  func write(including included: (Int) -> Bool = { _ in true }, into out: inout ByteWriter) {
    CSVText.write(header: header, records: [], into: &out)
    for i in plan.tasks.indices where included(i) { CSVText.write(record: record(i), into: &out) }
  }

  /// Writes one record per overdue item into `out` (each missed occurrence its own).
  func write(items: [OverdueList.Item], into out: inout ByteWriter) {
    CSVText.write(header: header, records: items.lazy.map { record($0.task, item: $0) }, into: &out)
  }
}

extension PlanExport {
  /// The whole plan as the ledger CSV (every task, summaries and duties included, in output order), or
  /// only the tasks of `owners` when given: what `export --format csv` writes.
  public func ledgerCSV(owners: Set<Int>? = nil, language: Language) -> String {
    var out = ByteWriter()
    ledgerCSV(owners: owners, language: language, into: &out)
    return String(decoding: out.bytes, as: UTF8.self)
  }

  /// Writes the ledger CSV into `out`, a record at a time.
  public func ledgerCSV(owners: Set<Int>? = nil, language: Language, into out: inout ByteWriter) {
    LedgerCSV(plan: plan, schedule: schedule, language: language).write(
      including: { ReportText.isIncluded($0, owners: owners, in: plan) }, into: &out)
  }
}
