/// A rendered chart: the file's bytes, what Graphviz warned about, and where the time went.
public struct Rendering: Sendable {
  /// The bytes of the SVG, PNG or PDF file.
  public var bytes: [UInt8]
  /// Graphviz's warnings, one per line, without its `Warning: ` prefix.
  public var warnings: [String]
  /// The resolution a PNG was drawn at; nil for other formats.
  public var dpi: Double?
  /// Time spent building the graph in cgraph.
  public var buildTime: Duration
  /// Time spent in `gvLayout`.
  public var layoutTime: Duration
  /// Time spent in `gvRenderData` (for a PNG over its size limit, both drawings).
  public var renderTime: Duration
}

/// What a render is doing, reported to an observer so that a slow render can show progress.
public enum RenderStage: Hashable, Sendable {
  /// Waiting for another thread's Graphviz call to finish (Graphviz is not thread-safe).
  case waiting
  /// Building the graph in cgraph.
  case building(nodes: Int, edges: Int)
  /// Laying it out, with Graphviz's layout engine of this name (`dot`, `nop`).
  case layout(String, nodes: Int)
  /// Drawing it.
  case drawing(OutputFormat)
}

/// Limits on the size of a PNG, which grows with the square of its resolution.
public struct BitmapLimits: Hashable, Sendable {
  /// The most pixels; beyond them the resolution is lowered before drawing.
  public var maxPixels: Int
  /// The most bytes: a larger file is drawn once more, at its resolution times this over its size (less
  /// 3%), and kept. That fits whenever the file shrinks at least in proportion to the resolution, as
  /// charts' PNGs do; it is not checked again. Nil for no limit.
  public var maxBytes: Int?

  /// Creates limits.
  public init(maxPixels: Int, maxBytes: Int?) {
    self.maxPixels = maxPixels
    self.maxBytes = maxBytes
  }

  /// 16 million pixels (a 4000 × 4000 poster) and 2,000,000 bytes: a PNG that can be mailed and committed.
  public static let standard = BitmapLimits(maxPixels: 16_000_000, maxBytes: 2_000_000)
  /// No limits: always `GraphvizRenderer.bitmapDPI`.
  public static let none = BitmapLimits(maxPixels: .max, maxBytes: nil)
}
