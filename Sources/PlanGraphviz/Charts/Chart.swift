import PlanGraph

/// A chart ready to render: its graph (which names its layout when it is not dot's), and what was
/// selected to draw.
public struct Chart: Sendable {
  /// Which chart it is.
  public var kind: ChartKind
  /// The graph to lay out and draw.
  public var graph: DOTGraph
  /// What was drawn, including whether summaries were folded.
  public var selection: TaskSelection

  /// Builds the `kind` chart of `plan` as scheduled in `schedule`.
  public init(_ kind: ChartKind, plan: Plan, schedule: Schedule, options: ChartOptions) {
    let selection = TaskSelection(plan: plan, schedule: schedule, filter: options.filter, collapse: options.collapse)
    var context = ChartContext(plan: plan, schedule: schedule, selection: selection, options: options, kind: kind)
    context.lights = options.warningRules?.lights(plan: plan, schedule: schedule) ?? []
    self.kind = kind
    self.selection = selection
    switch kind {
    case .graph: graph = GraphChart(context).build()
    case .timeline: graph = options.byUnit ? BattleMapChart(context).build() : TimelineChart(context).build()
    case .gantt: graph = GanttChart(context).build()
    }
    if options.textScale != 1 && kind != .gantt { graph = graph.scalingText(by: options.textScale) }
    graph = graph.drawn(to: options.pageSize)
  }
}

/// What every chart builder reads.
struct ChartContext {
  let plan: Plan
  let schedule: Schedule
  let selection: TaskSelection
  let options: ChartOptions
  let kind: ChartKind
  let palette = StatusPalette.standard
  /// Every task's warning light when the options ask for lights, else empty.
  var lights: [WarningLight] = []

  var text: ChartText { ChartText(language: options.language) }

  /// The colour (`#rrggbb`) of the warning light outlining `task`, when the options ask for lights and
  /// the task has one (a summary: the most severe below it).
  func lightColor(of task: Int) -> String? {
    guard let rules = options.warningRules, lights.indices.contains(task), case .level(let n) = lights[task] else {
      return nil
    }
    return rules.levels[n].hexColor
  }

  /// The graph's name: the plan's title, as SVG can hold it.
  var graphName: String { LabelText.name(plan.title) }

  /// A task's name on one line of `width` columns, after "◆ " for a milestone; a folded summary's cut
  /// to `foldedWidth` columns instead and followed by the number of tasks it stands for: `名称… (12)`.
  func oneLineName(of task: Int, width: Int, foldedWidth: Int) -> String {
    let name = plan.tasks[task].name
    if selection.isFolded(task), let count = selection.leafCounts[task] {
      return TextWrap.line(name, width: foldedWidth) + " (\(count))"
    }
    return (plan.tasks[task].isMilestone ? "◆ " : "") + TextWrap.line(name, width: width)
  }

  /// The same context clustering by `clusterBy`.
  func withClusters(_ clusterBy: ClusterBy) -> ChartContext {
    var options = options
    options.clusterBy = clusterBy
    var context = ChartContext(plan: plan, schedule: schedule, selection: selection, options: options, kind: kind)
    context.lights = lights
    return context
  }

  /// Graph attributes every chart shares: the font, a white page, a margin.
  func baseAttributes() -> DOTAttributes {
    [
      "fontname": .text(options.fontName),
      "bgcolor": "white",
      "pad": "0.4",
      "newrank": "true",
      "charset": "UTF-8",
    ]
  }
}
