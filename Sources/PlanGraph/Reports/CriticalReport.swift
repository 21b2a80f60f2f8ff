/// The `critical` report: the critical paths as chains of tasks with their dates and lengths, and the
/// deadlines the plan as written cannot meet (negative slack).
///
/// `model()` computes what it says once; each format renders that model into a `ByteWriter`.
public struct CriticalReport: Sendable {
  /// The plan.
  public let plan: Plan
  /// Its schedule.
  public let schedule: Schedule
  /// The language of headings (JSON stays English).
  public let language: Language

  /// Creates the report.
  public init(plan: Plan, schedule: Schedule, language: Language) {
    self.plan = plan
    self.schedule = schedule
    self.language = language
  }

  /// What the report says, with no formatting in it.
  public struct Model: Sendable {
    /// One critical path: its tasks in order and its length in days.
    public struct Path: Sendable {
      /// The tasks, first to last.
      public var tasks: [Int]
      /// Days from the first start to the last end.
      public var length: Int
    }

    /// The critical paths, as many as the schedule lists.
    public var paths: [Path]
    /// Whether more critical paths exist than are listed.
    public var more: Bool
    /// The deadlines the plan cannot meet: tasks still to be done with negative slack, most negative first.
    public var negativeSlack: [Int]
  }

  /// The report's model.
  public func model() -> Model {
    Model(
      paths: schedule.criticalPaths.map { Model.Path(tasks: $0, length: length(of: $0)) },
      more: schedule.hasMoreCriticalPaths, negativeSlack: negativeSlack)
  }

  private var words: Words { language.words }

  /// Tasks with negative slack that are still to be done, most negative first, then in output order: a
  /// task already done (a done date or `status: done` in the plan, or done as of the schedule's date)
  /// is no deadline the plan cannot meet, nor is a cancelled one.
  public var negativeSlack: [Int] {
    plan.tasks.indices.filter { i in
      let task = plan.tasks[i]
      let row = schedule.tasks[i]
      let isDone = task.doneDate != nil || task.status == .done || row.status == .done
      return (row.slack ?? 0) < 0 && !task.isSummary && !isDone && row.status != .cancelled
    }
    .sorted { (schedule.tasks[$0].slack ?? 0, $0) < (schedule.tasks[$1].slack ?? 0, $1) }
  }

  /// Days from a path's first start to its last end.
  public func length(of path: [Int]) -> Int {
    guard let first = path.first, let last = path.last, let start = schedule.tasks[first].start,
      let finish = schedule.tasks[last].finish
    else { return 0 }
    let end = plan.tasks[last].isMilestone ? finish.ordinal : finish.ordinal + 1
    return end - start.ordinal
  }

  // MARK: - Text

  /// Text for a terminal: each path numbered, its tasks with dates, then the negative-slack tasks.
  public func text(width: Int, style: TerminalStyle) -> String {
    var out = ByteWriter()
    text(model(), width: width, style: style, into: &out)
    return String(decoding: out.bytes, as: UTF8.self)
  }

  /// Writes the terminal text of `model` into `out`.
  public func text(_ model: Model, width: Int, style: TerminalStyle, into out: inout ByteWriter) {
    let report = words.report
    out.write(style.bold(plan.title) + "\n")
    out.write(report.planStart + schedule.start.iso + report.comma + report.plannedFinish)
    out.write(ReportText.day(schedule.finish) + "\n")
    if model.paths.isEmpty { out.write("\n" + report.noCriticalPath + "\n") }
    for (n, path) in model.paths.enumerated() {
      let first = path.tasks.first.flatMap { schedule.tasks[$0].start }
      let last = path.tasks.last.flatMap { schedule.tasks[$0].finish }
      out.write("\n" + style.bold(report.criticalPath(n + 1)))
      out.write(report.pathSummary((path.length, ReportText.day(first), ReportText.day(last), path.tasks.count)) + "\n")
      var table = TextTable(columns: [
        TextTable.Column("#", rightAligned: true), TextTable.Column(report.start), TextTable.Column(report.finish),
        TextTable.Column(report.duration, rightAligned: true), TextTable.Column(words.task, flexible: true),
      ])
      for (k, index) in path.tasks.enumerated() {
        let row = schedule.tasks[index]
        table.rows.append(
          .cells([
            TextTable.Cell(String(k + 1)), TextTable.Cell(ReportText.day(row.start)),
            TextTable.Cell(ReportText.day(row.finish)), TextTable.Cell(plan.tasks[index].duration?.description ?? "0d"),
            TextTable.Cell(plan.tasks[index].name + "  " + plan.tasks[index].fullID),
          ]))
      }
      table.render(width: width, style: style, into: &out)
    }
    if model.more { out.write("\n" + report.moreCriticalPaths(Schedule.maximumCriticalPaths) + "\n") }
    out.write("\n" + style.bold(report.unmetDeadlines) + "\n")
    if model.negativeSlack.isEmpty {
      out.write(style.green(report.allDeadlinesMet) + "\n")
      return
    }
    var table = TextTable(columns: [
      TextTable.Column(report.slack, rightAligned: true), TextTable.Column(words.deadline),
      TextTable.Column(words.planned), TextTable.Column(words.task, flexible: true),
    ])
    let red: @Sendable (String) -> String = { style.red($0) }
    for index in model.negativeSlack {
      let row = schedule.tasks[index]
      table.rows.append(
        .cells([
          TextTable.Cell(String(row.slack ?? 0), paint: red), TextTable.Cell(ReportText.day(row.deadline)),
          TextTable.Cell(ReportText.day(row.finish)),
          TextTable.Cell(plan.tasks[index].name + "  " + plan.tasks[index].fullID),
        ]))
    }
    table.render(width: width, style: style, into: &out)
  }

  // MARK: - Markdown

  /// Markdown: a numbered list per path, then a table of negative-slack tasks.
  public func markdown() -> String {
    var out = ByteWriter()
    markdown(model(), into: &out)
    return String(decoding: out.bytes, as: UTF8.self)
  }

  /// Writes the Markdown of `model` into `out`.
  public func markdown(_ model: Model, into out: inout ByteWriter) {
    let report = words.report
    out.write("## " + MarkdownText.cell(plan.title) + "\n\n")
    for (n, path) in model.paths.enumerated() {
      out.write("### " + report.criticalPath(n + 1) + " (" + report.days(path.length) + ")\n\n")
      for index in path.tasks {
        let row = schedule.tasks[index]
        out.write(
          "1. " + ReportText.day(row.start) + " → " + ReportText.day(row.finish) + " "
            + MarkdownText.cell(plan.tasks[index].name) + " `" + plan.tasks[index].fullID + "`\n")
      }
      out.write("\n")
    }
    guard !model.negativeSlack.isEmpty else { return }
    out.write("### " + report.unmetDeadlines + "\n\n")
    MarkdownText.writeTable(
      header: [report.slack, words.deadline, words.planned, words.task], rightAligned: [0],
      rows: model.negativeSlack.lazy.map { index in
        let row = self.schedule.tasks[index]
        return [
          String(row.slack ?? 0), ReportText.day(row.deadline), ReportText.day(row.finish),
          MarkdownText.cell(self.plan.tasks[index].name) + " `" + self.plan.tasks[index].fullID + "`",
        ]
      }, into: &out)
  }

  // MARK: - JSON

  /// JSON: the paths with their tasks and lengths, whether more exist, and the negative-slack tasks.
  public func json() -> [UInt8] {
    var out = ByteWriter()
    json(model(), into: &out)
    return out.takeBytes()
  }

  /// Writes the JSON of `model` into `out`.
  public func json(_ model: Model, into out: inout ByteWriter) {
    var top = out.beginObject(multiline: true)
    out.field("plan", plan.title, in: &top)
    out.field("start", schedule.start, in: &top)
    out.field("finish", schedule.finish, in: &top)
    out.key("paths", in: &top)
    var paths = out.beginArray(indent: 4)
    for path in model.paths {
      out.element(in: &paths)
      var object = out.beginObject()
      out.field("length", path.length, in: &object)
      out.key("tasks", in: &object)
      writeTasks(path.tasks, into: &out)
      out.end(object)
    }
    out.end(paths)
    out.field("more", model.more, in: &top)
    out.key("negativeSlack", in: &top)
    writeTasks(model.negativeSlack, into: &out)
    out.end(top)
  }

  /// Tasks as an inline array of objects: id, name, dates, deadline and slack.
  private func writeTasks(_ tasks: [Int], into out: inout ByteWriter) {
    var array = out.beginInlineArray()
    for index in tasks {
      let row = schedule.tasks[index]
      out.element(in: &array)
      var object = out.beginObject()
      out.field("id", plan.tasks[index].fullID, in: &object)
      out.field("name", plan.tasks[index].name, in: &object)
      out.field("start", row.start, in: &object)
      out.field("finish", row.finish, in: &object)
      out.field("deadline", row.deadline, in: &object)
      out.field("slack", row.slack, in: &object)
      out.end(object)
    }
    out.end(array)
  }
}
