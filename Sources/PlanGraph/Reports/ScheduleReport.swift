/// The `schedule` report: every task with its planned dates, slack, deadline, forecast and status.
///
/// `model()` computes what it says once; each format renders that model into a `ByteWriter` with the
/// shared renderers and the words of the language's table (`Words`).
public struct ScheduleReport: Sendable {
  /// The plan.
  public let plan: Plan
  /// Its schedule as of a date.
  public let schedule: Schedule
  /// The language of headers and status words (JSON stays English).
  public let language: Language
  /// The warning rules that give each task its light: the plan's unless replaced (`--rules`).
  public var warningRules: WarningRules

  /// The owner units whose tasks are shown (`--owner`: a unit, or an organisation and its units); nil
  /// for the whole plan.
  public let owners: Set<Int>?

  /// Creates the report, of the whole plan or of the tasks of `owners`.
  public init(plan: Plan, schedule: Schedule, language: Language, owners: Set<Int>? = nil) {
    self.plan = plan
    self.schedule = schedule
    self.language = language
    self.owners = owners
    self.warningRules = plan.warnings
  }

  /// What the report says, computed once from the schedule, with no formatting in it.
  public struct Model: Sendable {
    /// The title: the plan's, with the units shown when the report is limited to them.
    public var title: String
    /// The tasks shown, in output order.
    public var tasks: [Int]
    /// Each task's depth in its tree (0 at the top), by task index.
    public var depths: [Int]
    /// Each task's warning light, by task index.
    public var lights: WarningLights
    /// The counts over what the report shows.
    public var counts: StatusCounts
  }

  /// The report's model.
  public func model() -> Model {
    Model(
      title: title, tasks: plan.tasks.indices.filter(shows), depths: ReportText.depths(plan),
      lights: warningRules.lightTable(plan: plan, schedule: schedule), counts: counts)
  }

  private var words: Words { language.words }

  /// Whether the report shows the task.
  private func shows(_ task: Int) -> Bool { ReportText.isIncluded(task, owners: owners, in: plan) }

  /// The counts over what the report shows.
  var counts: StatusCounts {
    owners == nil ? schedule.counts : StatusCounts(plan: plan, schedule: schedule, including: shows)
  }

  /// The plan's title, with the units shown when the report is limited to them.
  private var title: String {
    guard let owners else { return plan.title }
    let tops = owners.filter { plan.owners[$0].parent.map { !owners.contains($0) } ?? true }.sorted()
    return plan.title + " · " + tops.map { ReportText.ownerPath($0, in: plan) }.joined(separator: "、")
  }

  // MARK: - JSON

  /// The contract's JSON object: plan, asOf, start, finish, counts, criticalPath and every task.
  public func json() -> [UInt8] {
    var out = ByteWriter(capacity: 64 + plan.tasks.count * 400)
    json(model(), into: &out)
    return out.takeBytes()
  }

  /// Writes the contract's JSON of `model` into `out`.
  public func json(_ model: Model, into out: inout ByteWriter) {
    var top = out.beginObject(multiline: true)
    out.field("plan", plan.title, in: &top)
    out.field("asOf", schedule.asOf, in: &top)
    out.field("start", schedule.start, in: &top)
    out.field("finish", schedule.finish, in: &top)
    out.key("counts", in: &top)
    out.writeJSON(model.counts)
    out.key("criticalPath", in: &top)
    Self.writeCriticalPaths(schedule, plan: plan, into: &out)
    out.key("tasks", in: &top)
    var tasks = out.beginArray(indent: 4)
    // The member names, owner ids, status codes and light names made once, each written with one store.
    let keys = FieldKeys()
    let (id, name, owner, warning, source) = (
      JSONKey("id"), JSONKey("name"), JSONKey("owner"), JSONKey("warning"), JSONKey("source")
    )
    let ownerIDs = plan.owners.map { JSONFragment(quoting: $0.id) }
    let levelNames = warningRules.levels.map { JSONFragment(quoting: $0.name) }
    // Each task's fields read where they lie: a copy of a `PlanTask` per task costs a retain and a
    // release of each of its strings and arrays.
    // Both arrays are read without bounds checks below: a schedule or a model of another plan stops here.
    precondition(plan.tasks.count == schedule.tasks.count, "a schedule of another plan")
    plan.tasks.withUnsafeBufferPointer { planTasks in
      schedule.tasks.withUnsafeBufferPointer { rows in
        for i in model.tasks {
          precondition(i >= 0 && i < rows.count, "a schedule row of another plan")
          out.element(in: &tasks)
          var object = out.beginObject()
          // Id and name straight from the plan's UTF-8: decoding each to a `String` validates it again.
          out.key(id, in: &object)
          planTasks[i].withFullIDUTF8 { out.writeJSON(utf8: $0) }
          out.key(name, in: &object)
          planTasks[i].withNameUTF8 { out.writeJSON(utf8: $0) }
          if let unit = planTasks[i].owner {
            out.field(owner, ownerIDs[unit], fallback: plan.owners[unit].id, in: &object)
          } else {
            out.field(owner, nil as String?, in: &object)
          }
          ScheduleReport.writeScheduleFields(of: rows[i], keys: keys, to: &out, in: &object)
          if case .level(let n) = model.lights[i] {
            out.field(warning, levelNames[n], fallback: warningRules.levels[n].name, in: &object)
          } else {
            out.field(warning, nil as String?, in: &object)
          }
          out.field(source, planTasks[i].source, in: &object)
          out.end(object)
        }
      }
    }
    out.end(tasks)
    out.end(top)
  }

  /// The critical paths as an inline array of arrays of task ids, which the plan export repeats.
  static func writeCriticalPaths(_ schedule: Schedule, plan: Plan, into out: inout ByteWriter) {
    var paths = out.beginInlineArray()
    for path in schedule.criticalPaths {
      out.element(in: &paths)
      out.writeJSON(path.map { plan.tasks[$0].fullID })
    }
    out.end(paths)
  }

  /// The member names of the contract's per-task schedule fields and the status codes, made once per
  /// output (see `JSONKey`).
  struct FieldKeys {
    let start = JSONKey("start")
    let finish = JSONKey("finish")
    let latestStart = JSONKey("latestStart")
    let latestFinish = JSONKey("latestFinish")
    let slack = JSONKey("slack")
    let critical = JSONKey("critical")
    let deadline = JSONKey("deadline")
    let forecastFinish = JSONKey("forecastFinish")
    let status = JSONKey("status")
    let ownStatus = JSONKey("ownStatus")
    let blocked = JSONKey("blocked")
    let daysOverdue = JSONKey("daysOverdue")
    /// Each status's quoted code, by `ScheduleStatus.allCases` order.
    let codes = ScheduleStatus.allCases.map { JSONFragment(quoting: $0.rawValue) }

    /// The quoted code of `status`.
    @inline(__always)
    func code(_ status: ScheduleStatus) -> JSONFragment {
      switch status {
      case .done: return codes[0]
      case .overdue: return codes[1]
      case .atRisk: return codes[2]
      case .dueSoon: return codes[3]
      case .blocked: return codes[4]
      case .onTrack: return codes[5]
      case .cancelled: return codes[6]
      }
    }
  }

  /// The contract's per-task schedule fields, `"start"` to `"daysOverdue"`, which the plan export
  /// repeats: one writer keeps the two JSONs in step.
  static func writeScheduleFields(
    of row: TaskSchedule, keys: FieldKeys, to out: inout ByteWriter, in object: inout JSONObject
  ) {
    out.field(keys.start, row.start, in: &object)
    out.field(keys.finish, row.finish, in: &object)
    out.field(keys.latestStart, row.latestStart, in: &object)
    out.field(keys.latestFinish, row.latestFinish, in: &object)
    out.field(keys.slack, row.slack, in: &object)
    out.field(keys.critical, row.isCritical, in: &object)
    out.field(keys.deadline, row.deadline, in: &object)
    out.field(keys.forecastFinish, row.forecastFinish, in: &object)
    out.field(keys.status, keys.code(row.status), fallback: row.status.rawValue, in: &object)
    out.field(keys.ownStatus, keys.code(row.ownStatus), fallback: row.ownStatus.rawValue, in: &object)
    out.field(keys.blocked, row.isBlocked, in: &object)
    out.field(keys.daysOverdue, row.daysOverdue, in: &object)
  }

  // MARK: - CSV

  /// RFC 4180 CSV with a byte-order mark: one ledger record per task, headers and status words in the
  /// language (the columns of `LedgerCSV`, the warning light among them).
  public func csv() -> String {
    var out = ByteWriter()
    csv(model(), into: &out)
    return String(decoding: out.bytes, as: UTF8.self)
  }

  /// Writes the CSV of `model` into `out`.
  public func csv(_ model: Model, into out: inout ByteWriter) {
    let ledger = LedgerCSV(
      plan: plan, schedule: schedule, language: language, rules: warningRules, lights: model.lights)
    CSVText.write(header: ledger.header, records: model.tasks.lazy.map { ledger.record($0) }, into: &out)
  }

  // MARK: - Markdown

  /// A Markdown table; summaries' children indented under them.
  public func markdown() -> String {
    var out = ByteWriter()
    markdown(model(), into: &out)
    return String(decoding: out.bytes, as: UTF8.self)
  }

  /// Writes the Markdown of `model` into `out`: the title, the date, the calendar when it matters, a
  /// table of every task shown with its warning light, and the totals.
  public func markdown(_ model: Model, into out: inout ByteWriter) {
    let rows = model.tasks.lazy.map { i -> [String] in
      let task = self.plan.tasks[i]
      let row = self.schedule.tasks[i]
      let indent = String(repeating: "&emsp;", count: model.depths[i])
      return [
        indent + self.marker(task) + MarkdownText.cell(task.name), "`" + task.fullID + "`",
        ReportText.day(row.start), ReportText.day(row.finish), ReportText.day(row.latestFinish),
        row.slack.map(String.init) ?? "—", row.isCritical ? "★" : "", ReportText.day(row.deadline),
        ReportText.day(row.forecastFinish), ReportText.statusWords(row.status, of: task, language: self.language),
        MarkdownText.cell(self.warningRules.word(model.lights[i], self.language)),
      ]
    }
    out.write("## " + MarkdownText.cell(model.title) + "\n\n")
    out.write(words.report.asOfCapital + schedule.asOf.iso + "\n\n")
    if plan.showsCalendar { out.write(MarkdownText.cell(plan.calendar.label(language)) + "\n\n") }
    MarkdownText.writeTable(
      header: [
        words.task, words.report.id, words.report.start, words.report.finish, words.report.latestFinish,
        words.report.slack, words.critical, words.deadline, words.forecast, words.status, words.warning,
      ], rightAligned: [5], rows: rows, into: &out)
    out.write("\n**" + totalLine(model) + "**\n")
  }

  /// The totals: the schedule's one set of counts.
  func totalLine(_ model: Model) -> String {
    words.report.total + model.counts.sentence(language)
  }

  // MARK: - Table

  /// A terminal table fitting `width` columns: on a narrow terminal each task's name gets a line of its own.
  public func table(width: Int, style: TerminalStyle) -> String {
    var out = ByteWriter()
    table(model(), width: width, style: style, into: &out)
    return String(decoding: out.bytes, as: UTF8.self)
  }

  /// Writes the terminal table of `model` into `out`.
  public func table(_ model: Model, width: Int, style: TerminalStyle, into out: inout ByteWriter) {
    let bold: @Sendable (String) -> String = { style.bold($0) }
    let red: @Sendable (String) -> String = { style.red($0) }
    let plain: @Sendable (String) -> String = { $0 }
    let dataColumns = [
      TextTable.Column(words.report.start), TextTable.Column(words.report.finish),
      TextTable.Column(words.report.latest), TextTable.Column(words.report.slack, rightAligned: true),
      TextTable.Column(words.deadline), TextTable.Column(words.forecast),
      TextTable.Column(words.status), TextTable.Column(words.warning),
    ]
    // Five dates, slack and status take about 70 columns; the name needs some 24 more to share the line.
    let wide = width >= 100
    let table = TextTable(columns: wide ? [TextTable.Column(words.task, flexible: true)] + dataColumns : dataColumns)
    // The rows are made as the table asks for them (twice: to measure, then to write), never held.
    func rows(_ each: (TextTable.Row) -> Void) {
      for i in model.tasks {
        let task = plan.tasks[i]
        let row = schedule.tasks[i]
        let name = String(repeating: "  ", count: model.depths[i]) + marker(task) + task.name
        let slack = row.slack.map { String($0) + (row.isCritical ? "★" : " ") } ?? "— "
        let light = model.lights[i]
        let cells = [
          TextTable.Cell(ReportText.day(row.start)), TextTable.Cell(ReportText.day(row.finish)),
          TextTable.Cell(ReportText.day(row.latestFinish)),
          TextTable.Cell(slack, paint: row.isCritical ? red : plain),
          TextTable.Cell(ReportText.day(row.deadline)), TextTable.Cell(ReportText.day(row.forecastFinish)),
          TextTable.Cell(
            ReportText.statusWords(row.status, of: task, language: language), paint: ReportText.paint(row.status, style)
          ),
          TextTable.Cell(warningRules.word(light, language), paint: ReportText.paint(light, warningRules, style)),
        ]
        if wide {
          each(.cells([TextTable.Cell(name, paint: task.isSummary ? bold : plain)] + cells))
        } else {
          each(
            .line(TextTable.Cell(name + "  " + task.fullID, paint: task.isSummary ? bold : plain), indent: 0))
          each(.cells(cells))
        }
      }
    }
    out.write(style.bold(model.title) + "  " + words.report.asOf + schedule.asOf.iso + "\n")
    if plan.showsCalendar { out.write(plan.calendar.label(language) + "\n") }
    table.render(width: width, style: style, gap: wide ? 2 : 1, into: &out, rows: rows)
    out.write(style.bold(totalLine(model)) + "\n")
    out.write(words.report.criticalNoSlackKey + "\n")
  }

  private func marker(_ task: PlanTask) -> String {
    if task.isDuty { return "↻ " }
    if task.isMilestone { return "◆ " }
    return ""
  }
}
