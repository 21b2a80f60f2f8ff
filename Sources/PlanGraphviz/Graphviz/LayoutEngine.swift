/// How Graphviz places the nodes of a chart.
public enum LayoutEngine: String, Hashable, Sendable {
  /// Ranked layout of a directed graph (`dot`): the dependency graph and the timeline.
  case dot
  /// Every node where its `pos` attribute says, in points; edges drawn straight (`neato -n`): the Gantt chart.
  case pinned

  /// Graphviz's name for the layout plugin.
  var graphvizName: String {
    switch self {
    case .dot: return "dot"
    case .pinned: return "nop"
    }
  }
}
