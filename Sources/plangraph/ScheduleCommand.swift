import ArgumentParser
import PlanGraph

/// `plangraph schedule`: every task with its planned dates, slack, deadline, forecast and status.
struct ScheduleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schedule",
    abstract: "Print every task with start, finish, latest finish, slack, deadline, forecast and status.")

  @OptionGroup var plan: PlanArgument
  @OptionGroup var asOf: AsOfOption
  @OptionGroup var window: WindowOption
  @OptionGroup var language: LanguageOption
  @OptionGroup var output: OutputFileOption
  @OptionGroup var width: WidthOption
  @OptionGroup var rules: RulesOption

  @Option(help: "Output format: table, json (the contract's shape), csv (with a BOM for Excel) or md.")
  var format: ReportFormat = .table

  @Option(help: ArgumentHelp("Only tasks of this unit, or of this organisation and all its units.", valueName: "unit"))
  var owner: String?

  func run() throws {
    let asOf = try asOf.asOf
    let window = try window.days
    let language = try language.language
    let (loaded, schedule) = try plan.loadScheduled(asOf: asOf, window: window, language: language)
    let owners = try resolveOwnerFilter(owner, in: loaded)
    var report = ScheduleReport(plan: loaded, schedule: schedule, language: language, owners: owners)
    report.warningRules = try rules.rules(default: loaded.warnings)
    let model = report.model()
    switch format {
    case .table:
      let (columns, style) = (width.columns(for: output), output.style)
      try output.stream(screen: true) { report.table(model, width: columns, style: style, into: &$0) }
    case .json: try output.stream { report.json(model, into: &$0) }
    case .csv: try output.stream { report.csv(model, into: &$0) }
    case .md: try output.stream { report.markdown(model, into: &$0) }
    }
  }
}

/// `plangraph critical`: the critical paths and the deadlines the plan cannot meet.
struct CriticalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "critical",
    abstract: "Print the critical paths with their dates and lengths, and deadlines the plan cannot meet.")

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, md
  }

  @OptionGroup var plan: PlanArgument
  @OptionGroup var language: LanguageOption
  @OptionGroup var output: OutputFileOption
  @OptionGroup var width: WidthOption

  @Option(help: "Output format: text, json or md.")
  var format: Format = .text

  func run() throws {
    let language = try language.language
    // The critical path is the plan's own, the same whatever the date: no as-of date is asked for.
    let (loaded, schedule) = try plan.loadScheduled(asOf: nil, language: language)
    let report = CriticalReport(plan: loaded, schedule: schedule, language: language)
    let model = report.model()
    switch format {
    case .text:
      let (columns, style) = (width.columns(for: output), output.style)
      try output.stream(screen: true) { report.text(model, width: columns, style: style, into: &$0) }
    case .json: try output.stream { report.json(model, into: &$0) }
    case .md: try output.stream { report.markdown(model, into: &$0) }
    }
  }
}

/// `plangraph overdue`: the supervisors' report; exit status 1 when anything is overdue.
struct OverdueCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "overdue",
    abstract: "Report overdue, at-risk and due-soon items by owner unit.",
    discussion: "Exit status: 0 when nothing is overdue, 1 when something is, 2 for an invalid plan, 64 for bad usage.")

  @OptionGroup var plan: PlanArgument
  @OptionGroup var asOf: AsOfOption
  @OptionGroup var window: WindowOption
  @OptionGroup var language: LanguageOption
  @OptionGroup var output: OutputFileOption
  @OptionGroup var width: WidthOption
  @OptionGroup var rules: RulesOption

  @Option(
    help: ArgumentHelp(
      "Only what this owner unit, or an organisation with all its units, leads or supports.", valueName: "unit"))
  var owner: String?

  @Option(help: "Output format: table, md, csv (with a BOM for Excel) or json (the contract's shape).")
  var format: ReportFormat = .table

  func run() throws {
    let asOf = try asOf.asOf
    let window = try window.days
    let language = try language.language
    let (loaded, schedule) = try plan.loadScheduled(asOf: asOf, window: window, language: language)
    let owners = try resolveOwnerFilter(owner, in: loaded)
    let list = OverdueList(plan: loaded, schedule: schedule, owners: owners)
    var report = OverdueReport(plan: loaded, schedule: schedule, list: list, language: language)
    report.warningRules = try rules.rules(default: loaded.warnings)
    // The table and Markdown group items by unit; JSON and CSV list them in the contract's order.
    let model = report.model(grouped: format == .table || format == .md)
    switch format {
    case .table:
      let (columns, style) = (width.columns(for: output), output.style)
      try output.stream(screen: true) { report.table(model, width: columns, style: style, into: &$0) }
    case .json: try output.stream { report.json(model, into: &$0) }
    case .csv: try output.stream { report.csv(model, into: &$0) }
    case .md: try output.stream { report.markdown(model, into: &$0) }
    }
    if list.hasOverdue { throw ExitCode(1) }
  }
}
