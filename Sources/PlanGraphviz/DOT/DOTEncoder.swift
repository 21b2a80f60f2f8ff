/// Writes a `DOTGraph` as DOT text: every name and value quoted, two-space indentation, edges last.
///
/// The text is what `plangraph render --format dot` writes and what the golden tests compare.
public struct DOTEncoder: Sendable {
  /// Creates an encoder.
  public init() {}

  /// The DOT text of `graph`, ending in a line break.
  public func encode(_ graph: DOTGraph) -> String {
    var out = "digraph " + DOTSyntax.quoted(graph.name) + " {\n"
    statement(&out, "graph", graph.attributes, indent: 1)
    statement(&out, "node", graph.nodeDefaults, indent: 1)
    statement(&out, "edge", graph.edgeDefaults, indent: 1)
    for node in graph.nodes { write(node, into: &out, indent: 1) }

    // Subgraphs nest as deep as the plan's summaries: walk them with a stack, not recursion.
    enum Step {
      case open(DOTSubgraph, indent: Int)
      case close(indent: Int)
    }
    var pending: [Step] = graph.subgraphs.reversed().map { .open($0, indent: 1) }
    while let step = pending.popLast() {
      switch step {
      case .open(let subgraph, let indent):
        out += pad(indent) + "subgraph " + DOTSyntax.quoted(subgraph.name) + " {\n"
        for entry in subgraph.attributes.entries {
          out += pad(indent + 1) + DOTSyntax.quoted(entry.name) + "=" + entry.value.description + ";\n"
        }
        for node in subgraph.nodes { write(node, into: &out, indent: indent + 1) }
        pending.append(.close(indent: indent))
        pending += subgraph.subgraphs.reversed().map { .open($0, indent: indent + 1) }
      case .close(let indent):
        out += pad(indent) + "}\n"
      }
    }
    for edge in graph.edges {
      out += pad(1) + DOTSyntax.quoted(edge.from) + " -> " + DOTSyntax.quoted(edge.to)
      out += attributeList(edge.attributes) + ";\n"
    }
    return out + "}\n"
  }

  private func statement(_ out: inout String, _ keyword: String, _ attributes: DOTAttributes, indent: Int) {
    guard !attributes.isEmpty else { return }
    out += pad(indent) + keyword + attributeList(attributes) + ";\n"
  }

  private func write(_ node: DOTNode, into out: inout String, indent: Int) {
    out += pad(indent) + DOTSyntax.quoted(node.name) + attributeList(node.attributes) + ";\n"
  }

  private func attributeList(_ attributes: DOTAttributes) -> String {
    guard !attributes.isEmpty else { return "" }
    let items = attributes.entries.map { DOTSyntax.quoted($0.name) + "=" + $0.value.description }
    return " [" + items.joined(separator: ", ") + "]"
  }

  /// Two spaces per level, up to 20 levels: a plan nested deeper must not make the text quadratic.
  private func pad(_ level: Int) -> String {
    String(repeating: "  ", count: min(level, 20))
  }
}
