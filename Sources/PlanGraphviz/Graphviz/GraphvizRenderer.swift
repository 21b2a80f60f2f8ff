internal import CGraphviz
import Synchronization

/// Lays out and draws `DOTGraph` values with Graphviz's C library: the only code that touches Graphviz.
///
/// Graphviz keeps global state and crashes when two threads use it at once, so every call runs under
/// one process-wide lock, in one context created on first use. The graph is built through cgraph
/// calls, laid out and drawn to memory, and everything is freed before the lock is released.
/// Graphviz's messages are captured, never printed: errors become a thrown `GraphvizError`, warnings
/// come back with the `Rendering`.
public struct GraphvizRenderer: Sendable {
  /// Creates a renderer; all renderers share the one Graphviz context.
  public init() {}

  /// Lays out `graph` with the engine its `layout` attribute names (dot when none) and draws it as
  /// `format` (`.dot` gives the DOT text, without Graphviz).
  ///
  /// A PNG is drawn at `bitmapDPI`, or at less to keep within `limits.maxPixels`; a file over
  /// `limits.maxBytes` is drawn once more, at a resolution scaled by the limit over its size, and that
  /// second file is returned even if it is still over (see `BitmapLimits.maxBytes`). Text too small
  /// to read in a poster that size is what the SVG and PDF are for. `observer` hears each stage as it
  /// starts, on the calling thread.
  public func render(
    _ graph: DOTGraph, format: OutputFormat, limits: BitmapLimits = .standard,
    observer: (RenderStage) -> Void = { _ in }
  ) throws(GraphvizError) -> Rendering {
    guard let graphvizFormat = format.graphvizFormat else {
      let text = DOTEncoder().encode(graph)
      return Rendering(
        bytes: Array(text.utf8), warnings: [], dpi: nil, buildTime: .zero, layoutTime: .zero, renderTime: .zero)
    }
    return try Graphviz.locked(observer: observer) { (context) throws(GraphvizError) -> Rendering in
      let clock = ContinuousClock()
      var started = clock.now
      observer(.building(nodes: graph.nodeCount, edges: graph.edges.count))
      let root = try CGraph.build(graph)
      defer { agclose(root) }
      let buildTime = started.duration(to: clock.now)

      started = clock.now
      // A `layout` attribute on the graph wins over the engine named here, as it does over `dot -K`.
      observer(.layout(graph.attributes["layout"]?.string ?? "dot", nodes: graph.nodeCount))
      let laidOut = gvLayout(context, root, "dot")
      defer {
        if laidOut == 0 { gvFreeLayout(context, root) }
      }
      if laidOut != 0 || agerrors() > 0 {
        throw GraphvizError(stage: .layout, messages: Graphviz.takeMessages().errors)
      }
      let layoutTime = started.duration(to: clock.now)

      started = clock.now
      observer(.drawing(format))
      guard format == .png && graph.attributes["dpi"] == nil else {
        var bytes = try Self.draw(root, context: context, format: graphvizFormat)
        if format == .pdf { bytes = PDFCreationDate.fixed(bytes) }
        return Rendering(
          bytes: bytes, warnings: Graphviz.takeMessages().warnings, dpi: nil, buildTime: buildTime,
          layoutTime: layoutTime, renderTime: started.duration(to: clock.now))
      }
      // A bitmap: at most `maxPixels`, and drawn once more, smaller, when the file is over `maxBytes`.
      let pad = graph.attributes["pad"].flatMap { Double($0.string) }.map { $0 * 72 } ?? 4
      let width = pg_layout_width(root) + 2 * pad
      let height = pg_layout_height(root) + 2 * pad
      var dpi = Self.dpi(width: width, height: height, maxPixels: limits.maxPixels, below: Self.bitmapDPI)
      // Cairo scales a bitmap longer than its side limit itself and says so on stderr, past the captured
      // messages: the resolution keeps below the limit, and the warning is the render's own.
      var sideWarnings: [String] = []
      if max(width, height) * Self.bitmapDPI / 72 >= Self.maxBitmapSide {
        sideWarnings.append(
          "the chart is \(Int(max(width, height) / 72)) inches long, more than a PNG's \(Int(Self.maxBitmapSide)) "
            + "pixels at \(Int(Self.bitmapDPI)) dpi: drawn at \(dpi) dpi; SVG and PDF keep every detail")
      }
      pg_set_bitmap_dpi(root, dpi)
      var bytes = try Self.draw(root, context: context, format: graphvizFormat)
      if let maxBytes = limits.maxBytes, bytes.count > maxBytes {
        dpi = Self.retryDPI(dpi, bytes: bytes.count, maxBytes: maxBytes, width: width, height: height, limits: limits)
        pg_set_bitmap_dpi(root, dpi)
        bytes = try Self.draw(root, context: context, format: graphvizFormat)
      }
      return Rendering(
        bytes: bytes, warnings: sideWarnings + Graphviz.takeMessages().warnings, dpi: dpi, buildTime: buildTime,
        layoutTime: layoutTime, renderTime: started.duration(to: clock.now))
    }
  }

  /// The size, in points, `graph` is laid out at before any `size` attribute scales it: its bounding box
  /// and the `pad` around it. What `PageFit` measures a chart with before choosing its text size.
  public func layoutSize(_ graph: DOTGraph) throws(GraphvizError) -> (width: Double, height: Double) {
    try Graphviz.locked { (context) throws(GraphvizError) -> (width: Double, height: Double) in
      let root = try CGraph.build(graph)
      defer { agclose(root) }
      let laidOut = gvLayout(context, root, "dot")
      defer {
        if laidOut == 0 { gvFreeLayout(context, root) }
      }
      if laidOut != 0 || agerrors() > 0 {
        throw GraphvizError(stage: .layout, messages: Graphviz.takeMessages().errors)
      }
      let pad = graph.attributes["pad"].flatMap { Double($0.string) }.map { $0 * 72 } ?? 4
      return (pg_layout_width(root) + 2 * pad, pg_layout_height(root) + 2 * pad)
    }
  }

  /// Draws a laid-out graph to memory.
  private static func draw(
    _ root: UnsafeMutablePointer<Agraph_t>, context: OpaquePointer, format: String
  ) throws(GraphvizError) -> [UInt8] {
    var data: UnsafeMutablePointer<CChar>?
    var length: UInt32 = 0
    let drawn = gvRenderData(context, root, format, &data, &length)
    defer { gvFreeRenderData(data) }
    guard drawn == 0, agerrors() == 0, let data else {
      throw GraphvizError(stage: .render, messages: Graphviz.takeMessages().errors)
    }
    return Array(UnsafeRawBufferPointer(start: data, count: Int(length)))
  }

  /// Parses DOT text with Graphviz's own parser and returns what it read: every node and edge with the
  /// attributes that are not empty, and the subgraphs by name. For testing what the encoder writes.
  public func readBack(dot text: String) throws(GraphvizError) -> DOTGraph {
    try Graphviz.locked { (_) throws(GraphvizError) -> DOTGraph in
      guard let root = agmemread(text) else {
        throw GraphvizError(stage: .graph, messages: Graphviz.takeMessages().errors)
      }
      defer { agclose(root) }
      guard agerrors() == 0 else {
        throw GraphvizError(stage: .graph, messages: Graphviz.takeMessages().errors)
      }
      return CGraph.read(root)
    }
  }

  /// The longest side, in pixels, a PNG is drawn at: cairo's own limit (32,767), which Graphviz meets by
  /// scaling the drawing down and printing "graph is too large for cairo-renderer bitmaps" to stderr.
  public static let maxBitmapSide = 32_767.0

  /// The resolution of PNG output, in dots per inch, when the chart does not set `dpi`.
  public static let bitmapDPI = 96.0

  /// The resolution to draw a PNG again at when drawing it at `dpi` gave `bytes`, over `maxBytes`.
  ///
  /// Scaled by `maxBytes / bytes`, less 3%: a chart's PNG is mostly white, its bytes go to the edges of
  /// lines and letters, and it shrinks at least in proportion to the resolution (about as its 1.2 to
  /// 1.4th power for the bundled plan's charts), so the second file fits. At least 1 dpi.
  static func retryDPI(
    _ dpi: Double, bytes: Int, maxBytes: Int, width: Double, height: Double, limits: BitmapLimits
  ) -> Double {
    let scaled = dpi * Double(maxBytes) / Double(bytes) * 0.97
    return max(1, Self.dpi(width: width, height: height, maxPixels: limits.maxPixels, below: scaled))
  }

  /// The resolution for a page `width` × `height` points: at most `below`, and less if needed to keep
  /// within `maxPixels`.
  ///
  /// Nudged down until both sides in pixels have a fraction under a half: Graphviz rounds the canvas to
  /// whole pixels, and a canvas rounded up leaves a last row or column only partly covered by the
  /// background, which makes cairo write a PNG with an alpha channel, a third larger.
  static func dpi(width: Double, height: Double, maxPixels: Int, below ceiling: Double) -> Double {
    let pixels = max(1, width / 72) * max(1, height / 72) * ceiling * ceiling
    var dpi = pixels > Double(maxPixels) ? ceiling * (Double(maxPixels) / pixels).squareRoot() : ceiling
    // Neither side may reach cairo's limit, past which Graphviz scales the drawing and prints to stderr.
    dpi = min(dpi, (maxBitmapSide - 2) * 72 / max(1, width, height))
    dpi = (dpi * 100).rounded(.down) / 100
    for _ in 0..<200 {
      let x = width * dpi / 72
      let y = height * dpi / 72
      if x - x.rounded(.down) < 0.45 && y - y.rounded(.down) < 0.45 { break }
      dpi -= 0.01
    }
    return dpi
  }
}

/// The process-wide Graphviz state: the context and the messages captured from it.
private enum Graphviz {
  /// The one context, created under the lock on first use; nil until then.
  ///
  /// Unchecked `Sendable` because the pointer is only ever used with the lock held.
  struct State: @unchecked Sendable {
    var context: OpaquePointer?
  }

  /// The lock every Graphviz call runs under.
  static let state = Mutex(State(context: nil))

  /// Text Graphviz reported through its error function since the last `takeMessages`.
  static let captured = Mutex("")

  /// Runs `body` under the lock with the context, creating it first if needed; messages left from
  /// earlier calls are discarded first.
  static func locked<Result: Sendable>(
    observer: (RenderStage) -> Void = { _ in }, _ body: (OpaquePointer) throws(GraphvizError) -> Result
  ) throws(GraphvizError) -> Result {
    func run(_ state: inout State) throws(GraphvizError) -> Result {
      let context = try contextCreatingIfNeeded(&state)
      _ = agreseterrors()
      _ = takeMessages()
      return try body(context)
    }
    if let result = try state.withLockIfAvailable({ (state) throws(GraphvizError) -> Result in try run(&state) }) {
      return result
    }
    observer(.waiting)
    return try state.withLock { (state) throws(GraphvizError) -> Result in try run(&state) }
  }

  private static func contextCreatingIfNeeded(_ state: inout State) throws(GraphvizError) -> OpaquePointer {
    if let context = state.context { return context }
    // Before anything else, so that not even plugin loading prints on its own.
    _ = agseterrf(collectMessage)
    pg_use_arena_everywhere()
    // The context must exist before any graph: it declares cgraph's global attribute defaults.
    guard let context = gvContext() else {
      throw GraphvizError(stage: .context, messages: takeMessages().errors)
    }
    state.context = context
    return context
  }

  /// The captured messages, split into errors and warnings, and forgotten.
  static func takeMessages() -> (errors: [String], warnings: [String]) {
    let text = captured.withLock { text in
      defer { text = "" }
      return text
    }
    var errors: [String] = []
    var warnings: [String] = []
    var lastWasError = true
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      if line.hasPrefix("Error: ") {
        errors.append(String(line.dropFirst(7)))
        lastWasError = true
      } else if line.hasPrefix("Warning: ") {
        warnings.append(String(line.dropFirst(9)))
        lastWasError = false
      } else if lastWasError {
        errors.append(String(line))
      } else {
        warnings.append(String(line))
      }
    }
    return (errors, warnings)
  }
}

/// Graphviz's error function: it is called with pieces of each message (`Error`, `: `, the text).
private func collectMessage(_ text: UnsafeMutablePointer<CChar>?) -> Int32 {
  guard let text else { return 0 }
  let piece = String(cString: text)
  Graphviz.captured.withLock { $0 += piece }
  return 0
}

/// Building a cgraph graph from a `DOTGraph`, and reading one back; only called under the lock.
private enum CGraph {
  typealias Graph = UnsafeMutablePointer<Agraph_t>

  /// A new root graph with everything `graph` holds, in the order DOT text would give it.
  static func build(_ graph: DOTGraph) throws(GraphvizError) -> Graph {
    guard let root = pg_open_directed(graph.name) else {
      throw GraphvizError(stage: .graph, messages: Graphviz.takeMessages().errors)
    }
    var ok = false
    defer {
      if !ok { agclose(root) }
    }
    set(graph.attributes, on: UnsafeMutableRawPointer(root))
    declare(graph.nodeDefaults, kind: AGNODE, in: root)
    declare(graph.edgeDefaults, kind: AGEDGE, in: root)
    for node in graph.nodes { try add(node, to: root) }

    // Subgraphs nest as deep as a plan's summaries: a stack, not recursion.
    var pending: [(DOTSubgraph, Graph)] = graph.subgraphs.reversed().map { ($0, root) }
    while let (subgraph, parent) = pending.popLast() {
      guard let made = pg_subgraph(parent, subgraph.name) else {
        throw GraphvizError(stage: .graph, messages: ["cannot create subgraph '\(subgraph.name)'"])
      }
      set(subgraph.attributes, on: UnsafeMutableRawPointer(made))
      for node in subgraph.nodes { try add(node, to: made) }
      pending += subgraph.subgraphs.reversed().map { ($0, made) }
    }

    for edge in graph.edges {
      guard let tail = pg_node(root, edge.from), let head = pg_node(root, edge.to),
        let made = pg_edge(root, tail, head)
      else {
        throw GraphvizError(stage: .graph, messages: ["cannot create edge '\(edge.from)' -> '\(edge.to)'"])
      }
      set(edge.attributes, on: UnsafeMutableRawPointer(made))
    }
    ok = true
    return root
  }

  private static func add(_ node: DOTNode, to graph: Graph) throws(GraphvizError) {
    guard let made = pg_node(graph, node.name) else {
      throw GraphvizError(stage: .graph, messages: ["cannot create node '\(node.name)'"])
    }
    set(node.attributes, on: UnsafeMutableRawPointer(made))
  }

  private static func set(_ attributes: DOTAttributes, on object: UnsafeMutableRawPointer) {
    for entry in attributes.entries {
      switch entry.value {
      case .text(let text): pg_set(object, entry.name, text)
      case .html(let markup): pg_set_html(object, entry.name, markup)
      }
    }
  }

  private static func declare(_ attributes: DOTAttributes, kind: Int32, in root: Graph) {
    for entry in attributes.entries {
      switch entry.value {
      case .text(let text): pg_default(root, kind, entry.name, text)
      case .html(let markup): pg_default_html(root, kind, entry.name, markup)
      }
    }
  }

  /// Every node (flat, in cgraph's order), edge and subgraph name of a parsed graph.
  static func read(_ root: Graph) -> DOTGraph {
    var result = DOTGraph(name: agnameof(UnsafeMutableRawPointer(root)).map { String(cString: $0) } ?? "")
    result.attributes = attributes(of: UnsafeMutableRawPointer(root), kind: AGRAPH, root: root)
    var node = agfstnode(root)
    while let current = node {
      let object = UnsafeMutableRawPointer(current)
      result.nodes.append(DOTNode(name(object), attributes(of: object, kind: AGNODE, root: root)))
      var edge = agfstout(root, current)
      while let out = edge {
        if let head = pg_head(out) {
          let edgeObject = UnsafeMutableRawPointer(out)
          result.edges.append(
            DOTEdge(
              from: name(object), to: name(UnsafeMutableRawPointer(head)),
              attributes(of: edgeObject, kind: AGEDGE, root: root)))
        }
        edge = agnxtout(root, out)
      }
      node = agnxtnode(root, current)
    }
    var pending: [Graph] = [root]
    while let graph = pending.popLast() {
      var sub = agfstsubg(graph)
      while let current = sub {
        let object = UnsafeMutableRawPointer(current)
        result.subgraphs.append(
          DOTSubgraph(name: name(object), attributes: attributes(of: object, kind: AGRAPH, root: root)))
        pending.append(current)
        sub = agnxtsubg(current)
      }
    }
    return result
  }

  private static func name(_ object: UnsafeMutableRawPointer) -> String {
    agnameof(object).map { String(cString: $0) } ?? ""
  }

  private static func attributes(of object: UnsafeMutableRawPointer, kind: Int32, root: Graph) -> DOTAttributes {
    var result = DOTAttributes()
    var symbol = agnxtattr(root, kind, nil)
    while let current = symbol {
      if let value = agxget(object, current), value.pointee != 0, let name = current.pointee.name {
        let text = String(cString: value)
        result[String(cString: name)] = aghtmlstr(value) != 0 ? .html(text) : .text(text)
      }
      symbol = agnxtattr(root, kind, current)
    }
    return result
  }
}
