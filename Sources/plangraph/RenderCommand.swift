import ArgumentParser
import PlanGraph
import PlanGraphviz
import PlanHistory

/// `plangraph render`: draws the dependency graph, the roadmap or a Gantt chart of a plan with Graphviz.
struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract:
      "Draw a chart of a plan with Graphviz: the dependency graph (--chart graph), the roadmap (timeline; with --by unit, the battle map), a Gantt chart or a trend.",
    discussion: """
      The format follows the output file's extension (.svg, .png, .pdf, or .dot for the chart's DOT text) \
      unless --format says otherwise. Plans with more than 1,500 tasks to draw are folded to summary tasks \
      (--no-collapse draws them all). Exit status: 0 written, 1 Graphviz could not draw the chart or the \
      file could not be written, 2 an invalid plan or one that cannot be scheduled, 64 bad usage.
      """)

  @OptionGroup var plan: PlanArgument

  @Argument(help: "For --chart trend: the tasks to follow (full id or name; default: the first five with deadlines).")
  var tasks: [String] = []

  @Option(name: .shortAndLong, help: ArgumentHelp("The file to write.", valueName: "file"))
  var output: String

  @Option(help: ArgumentHelp("The chart: graph, timeline, gantt or trend (from git history).", valueName: "chart"))
  var chart: String = ChartKind.graph.rawValue

  @Option(help: ArgumentHelp("svg, png, pdf or dot, whatever the file's extension.", valueName: "format"))
  var format: String?

  @OptionGroup var asOf: AsOfOption
  @OptionGroup var window: WindowOption
  @OptionGroup var language: LanguageOption
  @OptionGroup var rules: RulesOption

  @Option(
    help: ArgumentHelp(
      "Only tasks this unit, or this organisation and its units, leads or supports.", valueName: "owner"))
  var owner: String?

  @Option(help: ArgumentHelp("Only this task and the tasks below it (its full id).", valueName: "task"))
  var root: String?

  @Option(help: ArgumentHelp("Only this many levels of tasks; summaries stand for the rest.", valueName: "n"))
  var depth: Int?

  @Flag(help: "Only critical tasks.")
  var criticalOnly = false

  @Option(
    help: ArgumentHelp("Clusters of the dependency graph: organisation or summary.", valueName: "kind"))
  var clusterBy: String = ClusterBy.organisation.rawValue

  @Flag(help: "Never fold large plans to summary tasks.")
  var noCollapse = false

  @Option(help: ArgumentHelp("The font family for all text.", valueName: "family"))
  var font: String = ChartOptions.defaultFont

  @Option(
    help: ArgumentHelp(
      "The timeline's rows: organisation (a lane each) or unit (the battle map: a row per owner unit).",
      valueName: "rows"))
  var by: String = "organisation"

  @Option(help: ArgumentHelp("Draw to this size in pixels, such as 1920x1080 (PNG, SVG).", valueName: "WxH"))
  var size: String?

  @Option(help: ArgumentHelp("Draw to this paper size: A4, A3, A2, A1 or A0 (PDF).", valueName: "paper"))
  var paper: String?

  @Flag(help: "With --paper: landscape instead of portrait.")
  var landscape = false

  func validate() throws {
    if !tasks.isEmpty && chart != TrendCommandSupport.chartName {
      throw usageError("tasks are named only for --chart trend", "只有 --chart trend 才需要指明任务")
    }
    if chart == TrendCommandSupport.chartName {
      try checkPageSize()
      return
    }
    _ = try chartKind
    _ = try outputFormat
    _ = try clusters
    _ = try window.days
    guard ChartOptions.isValidFontName(font) else {
      throw usageError(
        "--font takes a font family name (letters, digits, spaces, '-' and '_'), not '\(TerminalText.inline(font))'",
        "--font 要写字体族名（字母、数字、空格、“-”和“_”），而不是“\(TerminalText.inline(font))”")
    }
    try checkPageSize()
    guard by == "organisation" || by == "unit" else {
      throw usageError(
        "--by takes organisation or unit, not '\(TerminalText.inline(by))'",
        "--by 只能是 organisation 或 unit，而不是“\(TerminalText.inline(by))”")
    }
    if by == "unit" && chart != ChartKind.timeline.rawValue {
      throw usageError(
        "--by unit draws the timeline as a battle map; use it with --chart timeline",
        "--by unit 把时间线画成作战图；要与 --chart timeline 一起使用")
    }
  }

  /// The page size can be read, and a PNG can be drawn to it.
  private func checkPageSize() throws {
    let format = try outputFormat
    guard let page = try pageSize, format == .png, !page.fitsABitmap else { return }
    let (side, area) = (PageSize.largestBitmapSide, PageSize.largestBitmapArea / 1_000_000)
    throw usageError(
      "a PNG is drawn at most \(side) pixels a side and \(area) million pixels in all; draw SVG or PDF for a larger size",
      "PNG 每边最多 \(side) 像素、总共最多 \(area) 百万像素；更大的尺寸改为输出 SVG 或 PDF")
  }

  private var pageSize: PageSize? {
    get throws {
      if size != nil && paper != nil { throw usageError("give --size or --paper, not both", "--size 和 --paper 只能给一个") }
      if landscape && paper == nil { throw usageError("--landscape goes with --paper", "--landscape 要与 --paper 一起使用") }
      do {
        if let size { return try PageSize.pixels(size) }
        if let paper { return try PageSize.paper(paper, landscape: landscape) }
      } catch {
        throw ValidationError(error.message.text(CommandLanguage.current))
      }
      return nil
    }
  }

  private var chartKind: ChartKind {
    get throws {
      guard let kind = ChartKind(rawValue: chart) else {
        throw usageError(
          "--chart takes graph, timeline, gantt or trend, not '\(chart)'",
          "--chart 只能是 graph、timeline、gantt 或 trend，而不是“\(chart)”")
      }
      return kind
    }
  }

  private var outputFormat: OutputFormat {
    get throws {
      if let format {
        guard let chosen = OutputFormat(rawValue: format) else {
          throw usageError(
            "--format takes svg, png, pdf or dot, not '\(format)'", "--format 只能是 svg、png、pdf 或 dot，而不是“\(format)”")
        }
        return chosen
      }
      guard let chosen = OutputFormat(fileName: output) else {
        throw usageError(
          "cannot tell the format of '\(output)': name it .svg, .png, .pdf or .dot, or give --format",
          "无法判断“\(output)”的格式：文件名要以 .svg、.png、.pdf 或 .dot 结尾，或给出 --format")
      }
      return chosen
    }
  }

  private var clusters: ClusterBy {
    get throws {
      guard let kind = ClusterBy(rawValue: clusterBy) else {
        throw usageError(
          "--cluster-by takes organisation or summary, not '\(clusterBy)'",
          "--cluster-by 只能是 organisation 或 summary，而不是“\(clusterBy)”")
      }
      return kind
    }
  }

  func run() throws {
    if chart == TrendCommandSupport.chartName {
      let graph = try TrendCommandSupport.graph(
        plan: plan.plan, tasks: tasks, asOf: try asOf.asOfText.map { try parseDay($0, option: "--as-of") },
        window: try window.days, language: try language.language, font: font, pageSize: try pageSize)
      try draw(graph, format: try outputFormat)
      return
    }
    let asOf = try asOf.asOf
    let window = try window.days
    let language = try language.language
    let format = try outputFormat
    let kind = try chartKind
    let (loaded, schedule) = try plan.loadScheduled(asOf: asOf, window: window, language: language)
    let filter: TaskFilter
    do {
      filter = try TaskFilter(plan: loaded, ownerID: owner, rootID: root, depth: depth, criticalOnly: criticalOnly)
    } catch {
      throw ValidationError(error.description)
    }

    var options = ChartOptions(
      language: language, clusterBy: try clusters, fontName: font, filter: filter,
      collapse: noCollapse ? .never : .standard)
    options.warningRules = try rules.rules(default: loaded.warnings)
    options.byUnit = by == "unit"
    options.pageSize = try pageSize
    let progress = RenderProgress()
    progress.update("building the \(kind.rawValue) chart")
    // Laid out for its page when it has one: the text as large as the page allows.
    let fitted: PageFit
    do {
      fitted = try PageFit(kind, plan: loaded, schedule: schedule, options: options)
    } catch {
      progress.stop(summary: "failed")
      Output.err("plangraph: \(TerminalText.inline(error.description))\n")
      throw ExitCode(1)
    }
    let drawn = fitted.chart
    if let advice = fitted.advice(in: language) { progress.note("plangraph: \(advice)") }
    let shown = drawn.selection.nodes.count
    if fitted.foldedForPage, let folding = drawn.selection.folding {
      progress.note(
        "plangraph: "
          + language.pick(
            "\(folding.unfoldedCount) tasks are too many to read at this size; drawing \(shown) instead, "
              + "summaries folded below level \(folding.depth) (--no-collapse draws every task)",
            "\(folding.unfoldedCount) 项任务在这个尺寸上看不清；改画 \(shown) 项，第 \(folding.depth) 层以下折叠进汇总任务"
              + "（--no-collapse 画出全部任务）"))
    } else if let folding = drawn.selection.folding, folding.automatic {
      progress.note(
        "plangraph: "
          + language.pick(
            "\(folding.unfoldedCount) tasks are too many to lay out quickly; drawing \(shown) instead, "
              + "summaries folded below level \(folding.depth) (--no-collapse draws every task)",
            "\(folding.unfoldedCount) 项任务太多，无法很快排版；改画 \(shown) 项，第 \(folding.depth) 层以下折叠进汇总任务"
              + "（--no-collapse 画出全部任务）"))
    }

    try draw(drawn.graph, format: format, progress: progress)
  }

  /// Renders a graph to the output file; a Graphviz failure is printed and exits with status 1.
  private func draw(_ graph: DOTGraph, format: OutputFormat, progress: RenderProgress = RenderProgress()) throws {
    // A size in pixels is drawn at 96 dpi; SVG and PDF are measured in points, which Graphviz would
    // count as pixels at that dpi (an SVG 960pt wide for --size 960x…, 1,280 pixels on screen), so
    // there the size is left in inches alone.
    var graph = graph
    if format == .svg || format == .pdf { graph.attributes["dpi"] = nil }
    let rendering: Rendering
    do {
      rendering = try GraphvizRenderer().render(graph, format: format) {
        progress.update($0)
      }
    } catch {
      progress.stop(summary: "failed")
      Output.err("plangraph: \(TerminalText.inline(error.description))\n")
      throw ExitCode(1)
    }
    progress.stop(summary: "of which Graphviz's layout \(seconds(rendering.layoutTime)) s")
    for warning in rendering.warnings { Output.err("plangraph: graphviz: \(TerminalText.inline(warning))\n") }
    try writeFile(rendering.bytes, to: output)
  }
}
