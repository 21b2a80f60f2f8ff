import PlanGraph

/// The size a chart is drawn to: pixels for a screen or a slide (`--size 1920x1080`), or a paper size
/// for printing (`--paper A3 --landscape`). `PageFit` lays a chart out for it, then the drawing is
/// scaled to fill the size while keeping its proportions.
public struct PageSize: Hashable, Sendable {
  /// The width in inches (Graphviz's unit).
  public var width: Double
  /// The height in inches.
  public var height: Double
  /// Dots per inch of a size given in pixels; nil for paper, whose PDF is in points and whose bitmap
  /// gets the renderer's resolution.
  public var dpi: Int?

  /// Why a size could not be read.
  public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, in words, in English and Chinese.
    public var message: Phrase
    /// What is wrong, in English.
    public var description: String { message.english }
  }

  /// A size in pixels (`1920x1080`), drawn at 96 dpi.
  public static func pixels(_ text: String) throws(ParseError) -> PageSize {
    let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
    guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), (16...100_000).contains(w),
      (16...100_000).contains(h)
    else {
      throw ParseError(
        message: Phrase(
          "--size takes WIDTHxHEIGHT in pixels, 16 to 100000 each, such as 1920x1080; not '\(text)'",
          "--size 要写“宽x高”像素数，各在 16 到 100000 之间，如 1920x1080，而不是“\(text)”"))
    }
    return PageSize(width: Double(w) / 96, height: Double(h) / 96, dpi: 96)
  }

  /// An ISO paper size, A0 to A4, less a 10 mm margin on each side; portrait unless `landscape`.
  public static func paper(_ name: String, landscape: Bool) throws(ParseError) -> PageSize {
    let sizes: [String: (Double, Double)] = [
      "a0": (841, 1189), "a1": (594, 841), "a2": (420, 594), "a3": (297, 420), "a4": (210, 297),
    ]
    guard let (short, long) = sizes[name.lowercased()] else {
      throw ParseError(
        message: Phrase(
          "--paper takes A4, A3, A2, A1 or A0, not '\(name)'", "--paper 只能是 A4、A3、A2、A1 或 A0，而不是“\(name)”"))
    }
    let (w, h) = landscape ? (long, short) : (short, long)
    return PageSize(width: (w - 20) / 25.4, height: (h - 20) / 25.4, dpi: nil)
  }

  /// Graphviz's `size` value: the box in inches, `!` to scale the drawing up to it as well as down.
  var graphvizSize: String {
    DecimalText.format(width) + "," + DecimalText.format(height) + "!"
  }
}
