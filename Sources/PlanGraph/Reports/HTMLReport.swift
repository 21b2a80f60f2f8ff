/// The plan's dashboard as one self-contained HTML file: no scripts, no network, inline CSS with a print
/// stylesheet, readable on a phone. Counts by status, what each unit must act on, targets, recurring
/// duties, the critical path, and the roadmap chart as inline SVG.
public struct HTMLReport: Sendable {
  /// The plan.
  public let plan: Plan
  /// Its schedule as of a date.
  public let schedule: Schedule
  /// The language of every word on the page.
  public let language: Language
  /// The roadmap chart as SVG text, embedded as is; nil leaves the chart out.
  public let roadmapSVG: String?

  /// Creates the report.
  /// The owner units the page is for (`--owner`); nil for the whole plan.
  public let owners: Set<Int>?

  /// Creates the report, of the whole plan or of the tasks of `owners`.
  public init(
    plan: Plan, schedule: Schedule, language: Language, roadmapSVG: String? = nil, owners: Set<Int>? = nil
  ) {
    self.plan = plan
    self.schedule = schedule
    self.language = language
    self.roadmapSVG = roadmapSVG
    self.owners = owners
  }

  /// Whether the page shows the task.
  private func shows(_ task: Int) -> Bool { ReportText.isIncluded(task, owners: owners, in: plan) }

  /// The plan's title, with the units the page is for.
  private var title: String {
    guard let owners else { return plan.title }
    let tops = owners.filter { plan.owners[$0].parent.map { !owners.contains($0) } ?? true }.sorted()
    return plan.title + " · " + tops.map { ReportText.ownerPath($0, in: plan) }.joined(separator: "、")
  }

  private func e(_ text: String) -> String { HTMLText.escape(text) }
  private var words: Words { language.words }

  /// What the page shows, computed once from the schedule, with no formatting in it: the counts, the
  /// supervisors' report's model (what each unit must act on), the targets and duties shown, and the
  /// critical report's model.
  public struct Model: Sendable {
    /// The counts over what the page shows.
    public var counts: StatusCounts
    /// Overdue, at-risk, due-soon and blocked items by unit.
    public var attention: OverdueReport.Model
    /// The tasks with a target, and the recurring duties, that the page shows.
    public var targets, duties: [Int]
    /// The critical paths and the deadlines the plan cannot meet.
    public var critical: CriticalReport.Model
  }

  /// The page's model.
  public func model() -> Model {
    Model(
      counts: owners == nil ? schedule.counts : StatusCounts(plan: plan, schedule: schedule, including: shows),
      attention: attentionReport.model(),
      targets: plan.tasks.indices.filter { plan.tasks[$0].target != nil && shows($0) },
      duties: plan.tasks.indices.filter { plan.tasks[$0].isDuty && shows($0) },
      critical: CriticalReport(plan: plan, schedule: schedule, language: language).model())
  }

  /// The supervisors' report over what the page shows, whose words the attention section shares.
  private var attentionReport: OverdueReport {
    OverdueReport(
      plan: plan, schedule: schedule, list: OverdueList(plan: plan, schedule: schedule, owners: owners),
      language: language)
  }

  /// The page.
  public func html() -> String {
    var out = ByteWriter()
    html(model(), into: &out)
    return String(decoding: out.bytes, as: UTF8.self)
  }

  /// Writes the page of `model` into `out`, section by section.
  public func html(_ model: Model, into out: inout ByteWriter) {
    out.write("<!DOCTYPE html>\n<html lang=\"\(words.report.htmlLanguage)\">\n<head>\n<meta charset=\"utf-8\"/>\n")
    out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
    out.write("<title>" + e(title) + " · " + e(words.report.asOf) + schedule.asOf.iso + "</title>\n")
    out.write("<style>\n" + Self.css + "</style>\n</head>\n<body>\n")
    out.write(
      "<header>\n<h1>" + e(title) + "</h1>\n<p class=\"meta\">" + e(words.report.asOfCapital)
        + "<time datetime=\"\(schedule.asOf.iso)\">\(schedule.asOf.iso)</time> · "
        + e(words.report.planStart) + schedule.start.iso + " · " + e(words.report.plannedFinish)
        + ReportText.day(schedule.finish) + " · "
        + e(words.report.dueSoonWithin(schedule.window))
        + (plan.showsCalendar ? " · " + e(plan.calendar.label(language)) : "") + "</p>\n</header>\n<main>\n")
    out.write(counts(model.counts))
    actionItems(model.attention, into: &out)
    out.write(targets(model.targets))
    out.write(duties(model.duties))
    out.write(criticalPath(model.critical))
    out.write(roadmap())
    out.write(
      "</main>\n<footer>" + e(words.report.madeBy) + plan.files.map(e).joined(separator: ", ")
        + "</footer>\n</body>\n</html>\n")
  }

  // MARK: - Sections

  private func counts(_ counts: StatusCounts) -> String {
    var out = "<section id=\"counts\">\n<h2>" + e(words.status) + "</h2>\n<ul class=\"counts\">\n"
    for status in StatusCounts.shownStatuses + [.cancelled] {
      out +=
        "<li class=\"s-\(status.rawValue)\"><span class=\"n\">\(counts.count(of: status))</span> "
        + e(status.label(language)) + "</li>\n"
    }
    return out + "</ul>\n<p class=\"note\">" + e(counts.scope(language)) + e(words.report.semicolon)
      + e(counts.extras(language))
      + e(words.report.summariesCountedThrough) + "</p>\n</section>\n"
  }

  /// The attention section, written straight into `out`: on a large plan it is most of the page.
  private func actionItems(_ model: OverdueReport.Model, into out: inout ByteWriter) {
    let report = attentionReport
    out.write("<section id=\"attention\">\n<h2>" + e(words.report.attention) + "</h2>\n")
    let rules = report.warningRules
    if model.groups.isEmpty {
      out.write("<p class=\"ok\">" + e(words.report.nothingToAct) + "</p>\n</section>\n")
      return
    }
    for group in model.groups {
      out.write(
        "<h3>" + e(report.groupTitle(group.owner)) + "</h3>\n<p class=\"tally\">" + e(report.countLine(group.counts))
          + "</p>\n<div class=\"scroll\"><table>\n<thead><tr><th>" + e(words.status) + "</th><th>" + e(words.task)
          + "</th><th>" + e(words.deadline) + "</th><th>" + e(words.days) + "</th><th>" + e(words.planned) + "</th><th>"
          + e(words.forecast) + "</th><th>" + e(words.source) + "</th></tr></thead>\n<tbody>\n")
      for row in group.rows {
        let index = row.item.task
        let task = plan.tasks[index]
        let critical =
          schedule.tasks[index].isCritical
          ? " <span class=\"crit\" title=\"" + e(words.report.criticalTask) + "\">★</span>" : ""
        var name = e(report.rowName(row)) + critical + "<br/><code>" + e(task.fullID) + "</code>"
        if let missed = report.missedText(row) { name += "<br/><small>" + e(missed) + "</small>" }
        if let blocks = report.holdsUpText(index, in: model) { name += "<br/><small>" + e(blocks) + "</small>" }
        if row.item.isBlocked, let note = task.note {
          name += "<br/><small>" + e(words.report.blockedColon) + e(note) + "</small>"
        }
        // data-label names each cell where a phone stacks the cells as a card.
        out.write(
          "<tr class=\"s-\(row.item.status.rawValue)\"><td>" + e(report.statusText(row.item))
            + light(model.lights[index], rules) + "</td><td>" + name
            + "</td><td data-label=\"" + e(words.deadline) + "\">" + ReportText.day(row.item.deadline)
            + "</td><td data-label=\"" + e(words.days) + "\">" + e(report.daysText(row.item))
            + "</td><td data-label=\"" + e(words.planned) + "\">" + ReportText.day(report.plannedFinish(row))
            + "</td><td data-label=\"" + e(words.forecast) + "\">" + ReportText.day(row.item.forecastFinish)
            + "</td><td data-label=\"" + e(words.source) + "\">" + e(task.source ?? "") + "</td></tr>\n")
      }
      out.write("</tbody></table></div>\n")
    }
    out.write("<p class=\"tally total\">" + e(report.totalLine(model)) + "</p>\n</section>\n")
  }

  /// The warning light as a filled badge with its word, so that it reads in greyscale too.
  private func light(_ light: WarningLight, _ rules: WarningRules) -> String {
    guard let color = rules.color(light), case .level(let n) = light else { return "" }
    let r = Double((color >> 16) & 0xFF)
    let g = Double((color >> 8) & 0xFF)
    let b = Double(color & 0xFF)
    let text = 0.299 * r + 0.587 * g + 0.114 * b < 150 ? "#fff" : "#000"
    return " <span class=\"light\" style=\"background:\(rules.levels[n].hexColor);color:\(text)\" title=\""
      + e(words.warning) + "\">" + e(rules.word(light, language)) + "</span>"
  }

  private func targets(_ indices: [Int]) -> String {
    var out = "<section id=\"targets\">\n<h2>" + e(words.report.targets) + "</h2>\n"
    guard !indices.isEmpty else {
      return out + "<p>" + e(words.report.noTargets) + "</p>\n</section>\n"
    }
    out +=
      "<div class=\"scroll\"><table>\n<thead><tr><th>" + e(words.task) + "</th><th>" + e(words.report.targetHeading)
      + "</th><th>" + e(words.report.latestMeasurement) + "</th><th>" + e(words.deadline) + "</th><th>"
      + e(words.status) + "</th></tr></thead>\n<tbody>\n"
    for index in indices {
      guard let target = plan.tasks[index].target else { continue }
      let row = schedule.tasks[index]
      let goal = e(ReportText.target(target))
      let latest =
        row.latestMeasurement.map {
          e($0.value.description) + e(target.unit ?? "") + " <small>(" + $0.date.iso + ")</small>"
            + (target.isMet(by: $0.value) ? " ✓" : "")
        } ?? "<span class=\"none\">" + e(words.report.notMeasured) + "</span>"
      out +=
        "<tr class=\"s-\(row.status.rawValue)\"><td>" + e(plan.tasks[index].name) + "<br/><code>"
        + e(plan.tasks[index].fullID) + "</code></td><td>" + goal + "</td><td>" + latest + "</td><td>"
        + ReportText.day(row.deadline) + "</td><td>"
        + e(ReportText.statusWords(row.status, of: plan.tasks[index], language: language)) + "</td></tr>\n"
    }
    return out + "</tbody></table></div>\n</section>\n"
  }

  private func duties(_ indices: [Int]) -> String {
    var out = "<section id=\"duties\">\n<h2>" + e(words.report.recurringDuties) + "</h2>\n"
    guard !indices.isEmpty else {
      return out + "<p>" + e(words.report.noDuties) + "</p>\n</section>\n"
    }
    var missedByTask: [Int: [Day]] = [:]
    for occurrence in schedule.missedOccurrences { missedByTask[occurrence.task, default: []].append(occurrence.due) }
    out +=
      "<div class=\"scroll\"><table>\n<thead><tr><th>" + e(words.report.dutyHeading) + "</th><th>"
      + e(words.report.every)
      + "</th><th>" + e(words.report.ownerHeading) + "</th><th>" + e(words.report.heldOfDue) + "</th><th>"
      + e(words.report.missedHeading) + "</th></tr></thead>\n<tbody>\n"
    for index in indices {
      let task = plan.tasks[index]
      let row = schedule.tasks[index]
      // Counts from the row, complete; the dates from the schedule's list, which is capped.
      let (due, missedCount) = row.occurrences.map { ($0.due, $0.missed) } ?? (0, 0)
      let missed = missedByTask[index] ?? []
      let shown = missed.prefix(12).map(\.iso).joined(separator: ", ") + (missedCount > 12 ? " …" : "")
      out +=
        "<tr class=\"s-\(row.status.rawValue)\"><td>" + e(task.name) + "<br/><code>" + e(task.fullID)
        + "</code></td><td>" + e(task.recurrence.map(words.report.period) ?? "") + "</td><td>"
        + e(task.owner.map { plan.owners[$0].name } ?? "—") + "</td><td>\(due - missedCount) / \(due)</td><td>"
        + (missedCount == 0 ? "—" : "<strong>\(missedCount)</strong> <small>" + e(shown) + "</small>") + "</td></tr>\n"
    }
    return out + "</tbody></table></div>\n</section>\n"
  }

  private func criticalPath(_ model: CriticalReport.Model) -> String {
    var out = "<section id=\"critical\">\n<h2>" + e(words.report.criticalPathHeading) + "</h2>\n"
    if model.paths.isEmpty { out += "<p>" + e(words.report.nothingScheduled) + "</p>\n" }
    for (n, path) in model.paths.prefix(10).enumerated() {
      out +=
        "<h3>" + e(words.report.path(n + 1)) + " <small>" + e(words.report.days(path.length))
        + "</small></h3>\n<ol class=\"path\">\n"
      for index in path.tasks {
        let row = schedule.tasks[index]
        out +=
          "<li>" + e(plan.tasks[index].name) + " <small>" + ReportText.day(row.start) + " → "
          + ReportText.day(row.finish) + "</small></li>\n"
      }
      out += "</ol>\n"
    }
    if model.paths.count > 10 || model.more {
      out += "<p class=\"note\">" + e(words.report.moreCriticalPathsNotShown) + "</p>\n"
    }
    let late = model.negativeSlack
    if late.contains(where: shows) {
      out +=
        "<p class=\"warn\">" + e(words.report.unmetDeadlinesColon)
        + late.filter(shows).prefix(20).map { e(plan.tasks[$0].name) }.joined(separator: "、") + "</p>\n"
    }
    return out + "</section>\n"
  }

  private func roadmap() -> String {
    guard let svg = roadmapSVG else { return "" }
    // The SVG goes in as an element: its XML declaration and doctype are dropped.
    var body = Substring(svg)
    if let start = body.firstRange(of: "<svg") { body = body[start.lowerBound...] }
    return "<section id=\"roadmap\">\n<h2>" + e(words.report.roadmap) + "</h2>\n<div class=\"chart\">\n" + body
      + "\n</div>\n</section>\n"
  }

  /// The status colours, from the one palette the charts use: the fill where it is strong, the border
  /// where the fill is too pale to show as a stripe on white (due soon, done).
  static let statusColours: String = {
    let palette = StatusPalette.standard
    return
      "--overdue: \(palette.look(.overdue).fill.lowercased()); --risk: \(palette.look(.atRisk).fill.lowercased()); "
      + "--soon: \(palette.look(.dueSoon).border.lowercased()); --done: \(palette.look(.done).border.lowercased()); "
      + "--blocked: \(palette.look(.blocked).fill.lowercased());"
  }()

  static let css = """
    :root { \(statusColours)
      --ink: #1b1b1b; --muted: #5c5c5c; --line: #d9d9d9; }
    * { box-sizing: border-box; }
    body { margin: 0 auto; max-width: 1200px; padding: 1rem; color: var(--ink); line-height: 1.5;
      font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC",
        system-ui, sans-serif; }
    h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
    h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--ink); }
    h3 { font-size: 1.05rem; margin: 1.2rem 0 .2rem; }
    .meta, .note, footer { color: var(--muted); font-size: .9rem; }
    ul.counts { display: flex; flex-wrap: wrap; gap: .5rem; list-style: none; padding: 0; }
    ul.counts li { border: 1px solid var(--line); border-radius: 6px; padding: .4rem .8rem; min-width: 7rem; }
    ul.counts .n { font-size: 1.5rem; font-weight: 700; display: block; }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font-size: .9rem; }
    th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
    th { background: #f3f3f3; white-space: nowrap; }
    td:first-child { white-space: nowrap; }
    #attention td:nth-child(3), #attention td:nth-child(4), #attention td:nth-child(5), #attention td:nth-child(6) {
      white-space: nowrap; }
    code { font-size: .8rem; color: var(--muted); word-break: break-all; }
    tr.s-overdue td:first-child, li.s-overdue { border-left: 6px double var(--overdue); }
    tr.s-at-risk td:first-child, li.s-at-risk { border-left: 6px solid var(--risk); }
    tr.s-due-soon td:first-child, li.s-due-soon { border-left: 6px dashed var(--soon); }
    tr.s-done td:first-child, li.s-done { border-left: 6px solid var(--done); }
    tr.s-blocked td:first-child, li.s-blocked { border-left: 6px dotted var(--blocked); }
    .crit { color: var(--overdue); }
    .light { display: inline-block; padding: 0 .35em; border-radius: 3px; font-weight: 700; font-size: .85em; }
    .tally { font-weight: 600; margin: .2rem 0 .4rem; }
    .ok { color: var(--done); font-weight: 600; }
    .warn { color: var(--overdue); font-weight: 600; }
    .none { color: var(--muted); }
    ol.path li { margin: .1rem 0; }
    .chart { overflow: auto; border: 1px solid var(--line); max-height: 80vh; }
    .chart svg { display: block; }
    footer { margin-top: 3rem; border-top: 1px solid var(--line); padding-top: .5rem; }
    @media (max-width: 600px) {
      body { padding: .5rem; }
      h1 { font-size: 1.3rem; }
      #attention table, #attention tbody, #attention tr, #attention td { display: block; width: 100%; }
      #attention thead { display: none; }
      #attention tr { border-bottom: 1px solid var(--line); padding: .4rem 0 .4rem .5rem; }
      #attention td { border: none; padding: .05rem .25rem; white-space: normal !important; }
      #attention td:first-child { font-weight: 700; }
      #attention td[data-label]::before { content: attr(data-label) "："; color: var(--muted); }
    }
    @media print {
      body { max-width: none; padding: 0; font-size: 10pt; }
      .scroll, .chart { overflow: visible; max-height: none; border: none; }
      .chart svg { max-width: 100%; height: auto; }
      h2 { break-after: avoid; }
      tr { break-inside: avoid; }
      section#roadmap { break-before: page; }
      a { color: inherit; text-decoration: none; }
    }

    """
}
