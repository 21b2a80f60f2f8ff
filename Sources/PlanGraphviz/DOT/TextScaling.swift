extension DOTGraph {
  /// The same graph with every text size multiplied by `factor`: each `fontsize` (the defaults' too,
  /// Graphviz's 14 where none is set) and, inside HTML labels, each `POINT-SIZE` and fixed cell
  /// `WIDTH`/`HEIGHT`, which hold text. Gaps between nodes and ranks, padding and line widths keep
  /// their size, so a chart whose text is made larger for a large page grows less than its text: the
  /// page is filled by text, not by thicker lines and wider gaps.
  func scalingText(by factor: Double) -> DOTGraph {
    guard factor != 1 else { return self }
    var graph = self
    graph.attributes = TextScaling.scaled(attributes, factor)
    graph.nodeDefaults = TextScaling.scaled(nodeDefaults, factor, defaultSize: 14)
    graph.edgeDefaults = TextScaling.scaled(edgeDefaults, factor, defaultSize: 14)
    graph.nodes = nodes.map { TextScaling.scaled($0, factor) }
    graph.edges = edges.map { edge in
      var edge = edge
      edge.attributes = TextScaling.scaled(edge.attributes, factor)
      return edge
    }
    // Subgraphs at any depth, without recursion: scaled from the deepest up.
    func scaledSubgraph(_ subgraph: DOTSubgraph) -> DOTSubgraph {
      var stack: [(DOTSubgraph, [DOTSubgraph])] = [(subgraph, [])]
      var finished: DOTSubgraph?
      while let (current, done) = stack.popLast() {
        if done.count < current.subgraphs.count {
          stack.append((current, done))
          stack.append((current.subgraphs[done.count], []))
          continue
        }
        var copy = current
        copy.attributes = TextScaling.scaled(current.attributes, factor)
        copy.nodes = current.nodes.map { TextScaling.scaled($0, factor) }
        copy.subgraphs = done
        if var parent = stack.popLast() {
          parent.1.append(copy)
          stack.append(parent)
        } else {
          finished = copy
        }
      }
      return finished ?? subgraph
    }
    graph.subgraphs = subgraphs.map(scaledSubgraph)
    return graph
  }
}

/// The arithmetic of `DOTGraph.scalingText(by:)`.
enum TextScaling {
  static func scaled(_ node: DOTNode, _ factor: Double) -> DOTNode {
    var node = node
    node.attributes = scaled(node.attributes, factor)
    return node
  }

  static func scaled(_ attributes: DOTAttributes, _ factor: Double, defaultSize: Double? = nil) -> DOTAttributes {
    var result = attributes
    if let size = attributes["fontsize"].flatMap({ Double($0.string) }) ?? defaultSize {
      result["fontsize"] = .text(DecimalText.format(size * factor))
    }
    if case .html(let markup) = attributes["label"] {
      result["label"] = .html(scaledHTML(markup, factor))
    }
    return result
  }

  /// `markup` with the numbers of `POINT-SIZE="…"`, `WIDTH="…"` and `HEIGHT="…"` multiplied. Plan
  /// text cannot fake one: in a label its quotes are written `&quot;`.
  static func scaledHTML(_ markup: String, _ factor: Double) -> String {
    let bytes = Array(markup.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 64)
    var i = 0
    scanning: while i < bytes.count {
      if bytes[i] == UInt8(ascii: " ") {
        for (k, name) in names.enumerated() where bytes[i...].starts(with: name) {
          out += name
          let start = i + name.count
          var end = start
          while end < bytes.count && bytes[end] != UInt8(ascii: "\"") { end += 1 }
          i = start
          if let value = Double(String(decoding: bytes[start..<end], as: UTF8.self)) {
            // Widths and heights are whole points in Graphviz's HTML; sizes may have a fraction.
            let text = k == 0 ? DecimalText.format(value * factor) : String(Int((value * factor).rounded()))
            out += Array(text.utf8)
            i = end
          }
          continue scanning
        }
      }
      out.append(bytes[i])
      i += 1
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static let names = [" POINT-SIZE=\"", " WIDTH=\"", " HEIGHT=\""].map { Array($0.utf8) }
}
