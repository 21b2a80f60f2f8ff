extension PageSize {
  /// The longest side, in pixels, of a PNG drawn to a size (`--size`): below cairo's 32,767, past which
  /// Graphviz shrinks the drawing itself and says so on stderr, with room for the chart's margin.
  public static let largestBitmapSide = 32_000

  /// The most pixels a PNG drawn to a size holds: 100 million, about 400 MB while it is drawn.
  public static let largestBitmapArea = 100_000_000

  /// Whether a PNG can be drawn to this size: a paper size always (its bitmap gets the renderer's
  /// resolution), a size in pixels within `largestBitmapSide` and `largestBitmapArea`.
  public var fitsABitmap: Bool {
    guard let dpi else { return true }
    let (w, h) = (width * Double(dpi), height * Double(dpi))
    return max(w, h) <= Double(Self.largestBitmapSide) && w * h <= Double(Self.largestBitmapArea)
  }
}

extension DOTGraph {
  /// The graph drawn to `page`: Graphviz's `size` fits the drawing to the page, and a size in pixels
  /// is drawn at its dpi (a paper size leaves it alone, so a PDF's points stay points). Every chart,
  /// the trend's too, is sized this way.
  public func drawn(to page: PageSize?) -> DOTGraph {
    guard let page else { return self }
    var graph = self
    graph.attributes["size"] = .text(page.graphvizSize)
    if let dpi = page.dpi { graph.attributes["dpi"] = .text(String(dpi)) }
    return graph
  }
}
