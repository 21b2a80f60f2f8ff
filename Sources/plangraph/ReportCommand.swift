import ArgumentParser
import PlanGraph
import PlanGraphviz
import PlanHistory

/// `plangraph report`: the plan's dashboard as one self-contained HTML file.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write the plan's dashboard: one self-contained HTML file with the roadmap chart inline.",
    discussion: "Exit status: 0 written, 1 the file could not be written, 2 an invalid plan, 64 bad usage.")

  @OptionGroup var plan: PlanArgument
  @OptionGroup var asOf: AsOfOption
  @OptionGroup var window: WindowOption
  @OptionGroup var language: LanguageOption

  @Option(name: .shortAndLong, help: ArgumentHelp("The HTML file to write.", valueName: "file"))
  var output: String

  @Flag(help: "Leave the roadmap chart out (faster for very large plans).")
  var noChart = false

  @Option(
    help: ArgumentHelp(
      "Add what changed since this date or revision (as `plangraph slip` shows it), read from git.",
      valueName: "date|rev"))
  var since: String?

  @Option(
    help: ArgumentHelp(
      "A unit's own report: only tasks of this unit, or of this organisation and all its units.", valueName: "unit"))
  var owner: String?

  func run() throws {
    let asOf = try asOf.asOf
    let language = try language.language
    let (loaded, schedule) = try plan.loadScheduled(asOf: asOf, window: try window.days, language: language)
    let owners = try resolveOwnerFilter(owner, in: loaded)
    var svg: String?
    if !noChart {
      var options = ChartOptions(language: language, clusterBy: .organisation, fontName: ChartOptions.defaultFont)
      if let owner { options.filter = try TaskFilter(plan: loaded, ownerID: owner) }
      let chart = Chart(.timeline, plan: loaded, schedule: schedule, options: options)
      do {
        svg = String(
          decoding: try GraphvizRenderer().render(chart.graph, format: .svg).bytes, as: UTF8.self)
      } catch {
        Output.err(
          language.pick("plangraph: the roadmap chart is left out: ", "plangraph: 路线图未能绘制，已略去：")
            + TerminalText.inline(error.description) + "\n")
      }
    }
    var html = HTMLReport(plan: loaded, schedule: schedule, language: language, roadmapSVG: svg, owners: owners).html()
    if let since {
      let slip = try SlipCommand.slip(
        plan: plan.plan, since: since, asOf: asOf, window: try window.days, language: language)
      html = SlipReport(slip, language: language).inserted(into: html)
    }
    try writeFile(Array(html.utf8), to: output)
  }
}
