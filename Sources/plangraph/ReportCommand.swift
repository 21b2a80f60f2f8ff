import ArgumentParser
import PlanGraph
import PlanGraphviz

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

  func run() throws {
    let asOf = try asOf.asOf
    let language = try language.language
    let (loaded, schedule) = try plan.loadScheduled(asOf: asOf, window: try window.days)
    var svg: String?
    if !noChart {
      let chart = Chart(
        .timeline, plan: loaded, schedule: schedule,
        options: ChartOptions(language: language, clusterBy: .organisation, fontName: ChartOptions.defaultFont))
      do {
        svg = String(
          decoding: try GraphvizRenderer().render(chart.graph, format: .svg).bytes, as: UTF8.self)
      } catch {
        Output.err("plangraph: the roadmap chart is left out: \(TerminalText.inline(error.description))\n")
      }
    }
    let html = HTMLReport(plan: loaded, schedule: schedule, language: language, roadmapSVG: svg).html()
    try writeFile(Array(html.utf8), to: output)
  }
}
