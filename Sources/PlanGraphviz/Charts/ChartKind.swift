/// The three charts `plangraph render` draws.
public enum ChartKind: String, CaseIterable, Hashable, Sendable {
  /// The dependency graph, one cluster per organisation or summary.
  case graph
  /// The roadmap: tasks in the column of their period, one swimlane per organisation.
  case timeline
  /// Bars on a time axis, with the as-of date and deadlines marked.
  case gantt
}

/// What the dependency graph draws its clusters around.
public enum ClusterBy: String, CaseIterable, Hashable, Sendable {
  /// One cluster per organisation (top-level owner).
  case organisation
  /// One cluster per summary task, nested as the summaries are.
  case summary
}
