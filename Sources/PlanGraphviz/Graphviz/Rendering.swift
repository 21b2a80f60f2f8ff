/// A rendered chart: the file's bytes, what Graphviz warned about, and where the time went.
public struct Rendering: Sendable {
  /// The bytes of the SVG, PNG or PDF file.
  public var bytes: [UInt8]
  /// Graphviz's warnings, one per line, without its `Warning: ` prefix.
  public var warnings: [String]
  /// Time spent building the graph in cgraph.
  public var buildTime: Duration
  /// Time spent in `gvLayout`.
  public var layoutTime: Duration
  /// Time spent in `gvRenderData`.
  public var renderTime: Duration
}

/// What a render is doing, reported to an observer so that a slow render can show progress.
public enum RenderStage: Hashable, Sendable {
  /// Waiting for another thread's Graphviz call to finish (Graphviz is not thread-safe).
  case waiting
  /// Building the graph in cgraph.
  case building(nodes: Int, edges: Int)
  /// Laying it out.
  case layout(LayoutEngine, nodes: Int)
  /// Drawing it.
  case drawing(OutputFormat)
}
