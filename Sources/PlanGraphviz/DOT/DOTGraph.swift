/// A directed graph as plain values: what the chart builders produce and both the DOT encoder and
/// the Graphviz renderer consume, so charts are tested without Graphviz.
public struct DOTGraph: Hashable, Sendable {
  /// The graph's name.
  public var name: String
  /// Attributes of the whole graph (`graph [...]`).
  public var attributes: DOTAttributes
  /// Defaults for every node (`node [...]`).
  public var nodeDefaults: DOTAttributes
  /// Defaults for every edge (`edge [...]`).
  public var edgeDefaults: DOTAttributes
  /// Nodes outside any subgraph, in drawing order.
  public var nodes: [DOTNode]
  /// Subgraphs and clusters, in drawing order.
  public var subgraphs: [DOTSubgraph]
  /// Every edge; their ends are node names.
  public var edges: [DOTEdge]

  /// Creates a graph.
  public init(
    name: String, attributes: DOTAttributes = [:], nodeDefaults: DOTAttributes = [:],
    edgeDefaults: DOTAttributes = [:], nodes: [DOTNode] = [], subgraphs: [DOTSubgraph] = [], edges: [DOTEdge] = []
  ) {
    self.name = name
    self.attributes = attributes
    self.nodeDefaults = nodeDefaults
    self.edgeDefaults = edgeDefaults
    self.nodes = nodes
    self.subgraphs = subgraphs
    self.edges = edges
  }

  /// How many nodes the graph has, in subgraphs too.
  public var nodeCount: Int {
    var count = nodes.count
    var pending = subgraphs
    while let next = pending.popLast() {
      count += next.nodes.count
      pending += next.subgraphs
    }
    return count
  }
}

/// A subgraph: a cluster (name starting `cluster`) drawn as a box, or a group such as `rank=same`.
public struct DOTSubgraph: Hashable, Sendable {
  /// The name; Graphviz draws a subgraph as a cluster when it starts with `cluster`.
  public var name: String
  /// The subgraph's own attributes (`label`, `rank`, `style` …).
  public var attributes: DOTAttributes
  /// Nodes created in this subgraph, in drawing order.
  public var nodes: [DOTNode]
  /// Nested subgraphs, after the nodes.
  public var subgraphs: [DOTSubgraph]

  /// Creates a subgraph.
  public init(name: String, attributes: DOTAttributes = [:], nodes: [DOTNode] = [], subgraphs: [DOTSubgraph] = []) {
    self.name = name
    self.attributes = attributes
    self.nodes = nodes
    self.subgraphs = subgraphs
  }
}

/// A node: its unique name and attributes.
public struct DOTNode: Hashable, Sendable {
  /// The unique name edges refer to.
  public var name: String
  /// The node's attributes.
  public var attributes: DOTAttributes

  /// Creates a node.
  public init(_ name: String, _ attributes: DOTAttributes = [:]) {
    self.name = name
    self.attributes = attributes
  }
}

/// An edge from one node to another, by name.
public struct DOTEdge: Hashable, Sendable {
  /// The tail's node name.
  public var from: String
  /// The head's node name.
  public var to: String
  /// The edge's attributes.
  public var attributes: DOTAttributes

  /// Creates an edge.
  public init(from: String, to: String, _ attributes: DOTAttributes = [:]) {
    self.from = from
    self.to = to
    self.attributes = attributes
  }
}
