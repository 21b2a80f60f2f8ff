extension Plan {
  /// The plan's dependency graph: the one the loader built once from the resolved `after` (and checked
  /// for cycles), shared by the scheduler and the reports; built here for a plan made or changed in code.
  public var dependencyGraph: DependencyGraph {
    builtGraph.graph ?? DependencyGraph(tasks: tasks)
  }

  /// Keeps `graph`, built from exactly these tasks, for `dependencyGraph`; an acyclic one without the
  /// places its edges were written, which only messages about cycles need.
  mutating func keep(_ graph: DependencyGraph) {
    builtGraph = PlanGraphCache(graph: graph.isAcyclic ? graph.droppingOrigins() : graph)
  }
}

/// A graph kept with a plan. It follows from the tasks, so it takes no part in the plan's equality or
/// hash: two plans with the same tasks are equal whether or not one of them holds its graph.
struct PlanGraphCache: Hashable, Sendable {
  var graph: DependencyGraph?

  static func == (_: PlanGraphCache, _: PlanGraphCache) -> Bool { true }
  func hash(into hasher: inout Hasher) {}
}
