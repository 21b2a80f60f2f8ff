/// What a chart is written as: a picture made by Graphviz, or the DOT text of the chart itself.
public enum OutputFormat: String, CaseIterable, Hashable, Sendable {
  /// Scalable vector graphics; text stays text and names its font family.
  case svg
  /// A bitmap, drawn by cairo.
  case png
  /// A vector document, drawn by cairo, fonts embedded.
  case pdf
  /// The chart's DOT text, before layout: no Graphviz involved.
  case dot

  /// The format a file name's extension stands for (`.svg`, `.png`, `.pdf`, `.dot`, `.gv`), case ignored.
  public init?(fileName: String) {
    guard let dot = fileName.lastIndex(of: "."), !fileName[dot...].contains("/") else { return nil }
    let ext = fileName[fileName.index(after: dot)...].lowercased()
    if ext == "gv" {
      self = .dot
      return
    }
    self.init(rawValue: ext)
  }

  /// Graphviz's name for the output plugin: core SVG (real text), cairo for PNG and PDF; nil for DOT.
  var graphvizFormat: String? {
    switch self {
    case .svg: return "svg:svg:core"
    case .png: return "png:cairo:cairo"
    case .pdf: return "pdf:cairo:cairo"
    case .dot: return nil
    }
  }
}
