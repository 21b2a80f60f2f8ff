import PlanGraph

/// A chart laid out for the page it is drawn to (`--size`, `--paper`): its text made as large as the
/// page allows, the battle map's cards arranged to the page's shape, and summaries folded when the
/// names would be too small to read.
///
/// Graphviz's `size` scales a finished drawing, lines, gaps and text together, so on its own a chart
/// much smaller than a wall sheet prints with thick lines and wide gaps, a battle map as wide as a
/// year of months prints in a strip across a portrait sheet, and a large plan on a slide is a grey
/// blur. The chart is therefore laid out first as designed and measured (a layout, not drawn); the
/// battle map tries several arrangements of its cards and keeps the one that fills the page best; the
/// graph and the roadmap fold summaries a level at a time while that makes unreadable names readable;
/// then, when the page is larger than the drawing, the text is made larger by the ratio (lines and
/// gaps keep their size) before `size` fits the result to the page.
public struct PageFit: Sendable {
  /// The chart, laid out for its page.
  public var chart: Chart
  /// The size, in points on the page (pixels × 0.75 on screen), the task names come out at; nil when
  /// no page was given or the chart is the Gantt chart or the trend, whose grid is pinned.
  public var nameSize: Double?

  /// The smallest readable size of a name: 9 points on paper, 12 pixels on screen.
  public static let readableSize = 9.0

  /// The largest factor text is made larger by: past it, a small chart on a huge page gets no larger.
  static let largestTextScale = 6.0

  /// The most steps of √2 the battle map's `ChartOptions.cardsPerRowFactor` is moved, each way: from
  /// the designed 2 down to 1/8 (tall cells, a portrait page) or up to 32 (wide ones).
  static let largestCardSteps = 8

  /// The size of a task's name in each chart kind, as designed.
  static func designedNameSize(_ kind: ChartKind) -> Double {
    kind == .graph ? 10.5 : 11
  }

  /// Builds the `kind` chart of `plan` for `options.pageSize` (as `Chart` does when there is none).
  public init(
    _ kind: ChartKind, plan: Plan, schedule: Schedule, options: ChartOptions, renderer: GraphvizRenderer = .init()
  ) throws(GraphvizError) {
    guard let page = options.pageSize, kind != .gantt else {
      self.init(
        chart: Chart(kind, plan: plan, schedule: schedule, options: options), nameSize: nil, page: nil,
        foldedForPage: false)
      return
    }
    let (width, height) = (page.width * 72, page.height * 72)
    func fit(_ options: ChartOptions) throws(GraphvizError) -> (Chart, Double) {
      let chart = Chart(kind, plan: plan, schedule: schedule, options: options)
      let size = try renderer.layoutSize(chart.graph)
      return (chart, min(width / max(1, size.width), height / max(1, size.height)))
    }
    var options = options
    options.textScale = 1
    var (chart, scale) = try fit(options)
    if kind == .timeline && options.byUnit {
      // Cards in rows of more (a wider map) or fewer (a taller one), a step of √2 at a time, in the
      // direction that draws the map larger, until it stops growing.
      for step in [Double(2).squareRoot(), 1 / Double(2).squareRoot()] {
        var improved = false
        for _ in 0..<Self.largestCardSteps {
          var trial = options
          trial.cardsPerRowFactor = options.cardsPerRowFactor * step
          let (candidate, candidateScale) = try fit(trial)
          guard candidateScale > scale * 1.01 else { break }
          (chart, scale, options, improved) = (candidate, candidateScale, trial, true)
        }
        if improved { break }
      }
    }
    // Names too small to read on the graph or the roadmap: summaries are folded a level at a time, as
    // `--depth` does, until the names come out readable; when even the top level would not, nothing is
    // folded (the title and legend may be what is too wide). Not with `--no-collapse` or a `--depth` of
    // the user's own; the battle map keeps its tasks: it is the units' task list.
    let unfolded = (chart, scale, options)
    var foldedForPage = false
    let folds = options.collapse.enabled && options.filter.depth == nil && !(kind == .timeline && options.byUnit)
    var depth =
      chart.selection.folding?.depth ?? chart.selection.nodes.map { chart.selection.level(of: $0) }.max() ?? 1
    while folds && depth > 1 && Self.designedNameSize(kind) * scale < Self.readableSize {
      var trial = options
      trial.filter.depth = depth - 1
      let (candidate, candidateScale) = try fit(trial)
      guard candidate.selection.nodes.count < chart.selection.nodes.count else { break }
      (chart, scale, options, depth) = (candidate, candidateScale, trial, depth - 1)
      foldedForPage = true
    }
    if foldedForPage && Self.designedNameSize(kind) * scale < Self.readableSize {
      (chart, scale, options) = unfolded
      foldedForPage = false
    }
    guard scale > 1 else {
      // The page is smaller than the drawing: Graphviz shrinks it, text with it.
      self.init(
        chart: chart, nameSize: Self.designedNameSize(kind) * scale, page: page, foldedForPage: foldedForPage)
      return
    }
    options.textScale = min(scale, Self.largestTextScale)
    self.init(
      chart: Chart(kind, plan: plan, schedule: schedule, options: options),
      nameSize: Self.designedNameSize(kind) * scale, page: page, foldedForPage: foldedForPage)
  }

  private init(chart: Chart, nameSize: Double?, page: PageSize?, foldedForPage: Bool) {
    self.chart = chart
    self.nameSize = nameSize
    self.page = page
    self.foldedForPage = foldedForPage
  }

  /// Whether summaries were folded (further) so that the names fit the page readably; the chart's
  /// `selection.folding` says to which level.
  public var foldedForPage: Bool

  /// The page the chart was laid out for.
  private let page: PageSize?

  /// Why the names are hard to read at this size, and what size would make them readable, in English;
  /// nil when they are readable or there is no page.
  public var advice: String? { advice(in: .en) }

  /// The advice in `language`: what stderr says under `--lang`.
  public func advice(in language: Language) -> String? {
    guard let nameSize, let page, nameSize < Self.readableSize else { return nil }
    let factor = Self.readableSize / nameSize
    let fewer = language.pick("or fewer tasks (--depth, --root, --owner)", "或少画一些任务（--depth、--root、--owner）")
    // A size far below one unit keeps a figure that is not zero.
    let places = nameSize < 1 ? 2 : 1
    if page.dpi != nil {
      let w = Int((page.width * 96 * factor).rounded(.up))
      let h = Int((page.height * 96 * factor).rounded(.up))
      let pixels = DecimalText.format(nameSize / 0.75, places: places)
      return language.pick(
        "the task names come out at \(pixels) pixels, hard to read; --size \(w)x\(h) \(fewer) keeps them at 12 "
          + "pixels or more",
        "任务名称只有 \(pixels) 像素，难以看清；用 --size \(w)x\(h) \(fewer)，可使其不小于 12 像素")
    }
    // The first paper, in the same orientation, on which the drawing comes out `factor` times larger:
    // its printable box over this one's, the tighter way.
    let landscape = page.width > page.height
    let paper = ["A4", "A3", "A2", "A1", "A0"].first { name in
      guard let paper = try? PageSize.paper(name, landscape: landscape) else { return false }
      return min(paper.width / page.width, paper.height / page.height) >= factor
    }
    let suggestion =
      paper.map { language.pick("--paper \($0)", "用 --paper \($0)") + (landscape ? " --landscape" : "") }
      ?? language.pick("a sheet larger than A0", "用比 A0 更大的纸")
    let points = DecimalText.format(nameSize, places: places)
    return language.pick(
      "the task names print at \(points) pt, hard to read; \(suggestion) \(fewer) keeps them at 9 pt or more",
      "任务名称印出来只有 \(points) 磅，难以看清；\(suggestion) \(fewer)，可使其不小于 9 磅")
  }
}
