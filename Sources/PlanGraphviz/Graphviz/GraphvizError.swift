/// Why Graphviz could not lay out or draw a chart, with the messages it gave.
public struct GraphvizError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What was being done.
  public enum Stage: String, Hashable, Sendable {
    /// Starting Graphviz (loading its plugins).
    case context
    /// Building or parsing the graph.
    case graph
    /// `gvLayout`.
    case layout
    /// `gvRenderData`.
    case render
  }

  /// What was being done.
  public var stage: Stage
  /// Graphviz's error and warning lines, in order, without their `Error: `/`Warning: ` prefix.
  public var messages: [String]

  /// Creates an error.
  public init(stage: Stage, messages: [String]) {
    self.stage = stage
    self.messages = messages
  }

  /// `graphviz layout failed: …`, with Graphviz's messages.
  public var description: String {
    let detail = messages.isEmpty ? "no message from Graphviz" : messages.joined(separator: "; ")
    return "graphviz \(stage.rawValue) failed: \(detail)"
  }
}
