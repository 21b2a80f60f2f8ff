/// Invisible edges that lay a dependency graph's unconnected nodes out in rows, left to right.
///
/// Without them dot puts every task without dependencies on the first rank: one column as tall as the
/// plan. Each group (a cluster's own nodes) is cut into rows of the same number of columns; groups
/// small enough to share a row with the group before them are chained after it, so that a row of
/// one-task organisations does not take a band each.
struct GridPacking {
  /// Node names per group, in reading order.
  let groups: [[String]]
  /// Nodes some dependency touches: dot places them itself.
  let connected: Set<String>

  /// The number of columns for `count` loose nodes: about 1.4 times as wide as high, as a node is
  /// some 2.5 times as wide as it is high; never more than 12.
  static func columns(for count: Int) -> Int {
    max(1, min(12, Int((Double(count) * 0.55).squareRoot().rounded())))
  }

  func edges() -> [DOTEdge] {
    let loose = groups.map { $0.filter { !connected.contains($0) } }
    let columns = Self.columns(for: loose.reduce(0) { $0 + $1.count })
    var edges: [DOTEdge] = []
    var bandUsed = 0
    var bandEnd: String?
    for (group, nodes) in zip(groups, loose) where !nodes.isEmpty {
      var start = 0
      while start < nodes.count {
        let row = nodes[start..<min(start + columns, nodes.count)]
        for (a, b) in zip(row, row.dropFirst()) { edges.append(invisible(a, b)) }
        start += columns
      }
      let fitsOneRow = nodes.count == group.count && nodes.count <= columns
      guard fitsOneRow, let first = nodes.first, let last = nodes.last else {
        bandUsed = 0
        bandEnd = nil
        continue
      }
      if let end = bandEnd, bandUsed + nodes.count <= columns {
        edges.append(invisible(end, first))
        bandUsed += nodes.count
      } else {
        bandUsed = nodes.count
      }
      bandEnd = last
    }
    return edges
  }

  private func invisible(_ from: String, _ to: String) -> DOTEdge {
    DOTEdge(from: from, to: to, ["style": "invis"])
  }
}
