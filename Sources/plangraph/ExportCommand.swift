import ArgumentParser
import PlanGraph

/// `plangraph export`: the plan as a calendar feed, a Mermaid gantt block, or JSON for scripts.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract:
      "Export the plan: an iCalendar feed (ics), a Mermaid gantt block (mermaid), JSON with its schedule, or a CSV ledger."
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case ics, mermaid, json, csv
  }

  @OptionGroup var plan: PlanArgument
  @OptionGroup var asOf: AsOfOption
  @OptionGroup var window: WindowOption
  @OptionGroup var language: LanguageOption
  @OptionGroup var output: OutputFileOption

  @Option(
    help:
      "ics (RFC 5545 to-dos), mermaid (for Markdown), json (the plan with its schedule) or csv (the ledger: every task with its status, progress, measurement, evidence and note)."
  )
  var format: Format

  @Option(
    help: ArgumentHelp(
      "Only this owner unit, or an organisation with all its units (ics, mermaid, csv).", valueName: "unit")
  )
  var owner: String?

  func validate() throws {
    if owner != nil && format == .json {
      throw usageError(
        "--owner selects a unit's feed (ics, mermaid); the JSON export is the whole plan",
        "--owner 用于选择某个单位的日历或图（ics、mermaid）；JSON 导出的是整个计划")
    }
  }

  func run() throws {
    let asOf = try asOf.asOf
    let language = try language.language
    let (loaded, schedule) = try plan.loadScheduled(asOf: asOf, window: try window.days, language: language)
    let owners = try resolveOwnerFilter(owner, in: loaded)
    switch format {
    case .ics:
      let export = CalendarExport(plan: loaded, schedule: schedule, owners: owners, language: language)
      try output.stream { export.ics(into: &$0) }
    case .mermaid:
      let export = MermaidExport(plan: loaded, schedule: schedule, owners: owners, language: language)
      try output.stream { export.markdown(into: &$0) }
    case .json:
      try output.stream { PlanExport(plan: loaded, schedule: schedule).json(into: &$0) }
    case .csv:
      let export = PlanExport(plan: loaded, schedule: schedule)
      try output.stream { export.ledgerCSV(owners: owners, language: language, into: &$0) }
    }
  }
}
