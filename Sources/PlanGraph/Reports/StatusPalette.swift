/// How each status looks in every chart and in the HTML report (kept here, below both): colours from Okabe and Ito's palette for colour-blind readers,
/// spread in lightness so that a greyscale print keeps them apart, and a second cue that is not colour.
public struct StatusPalette: Sendable {
  /// The look of one status.
  public struct Look: Hashable, Sendable {
    /// Fill of a node or bar (`#RRGGBB`).
    public var fill: String
    /// Border colour.
    public var border: String
    /// Text colour on the fill.
    public var text: String
    /// Graphviz `style` words added to `filled` for the border: `dashed`, `bold`, `diagonals` …
    public var borderStyle: [String]
    /// Extra borders (2 draws a double border).
    public var peripheries: Int
    /// A short sign before the status word, readable without colour.
    public var sign: String
  }

  /// The look of `status`.
  public func look(_ status: ScheduleStatus) -> Look {
    switch status {
    // Vermillion, the darkest fill, with a double border: the first thing the eye should find.
    case .overdue:
      return Look(fill: "#D55E00", border: "#6B2F00", text: "#000000", borderStyle: [], peripheries: 2, sign: "×")
    // Orange: late by forecast but not yet past the deadline.
    case .atRisk:
      return Look(fill: "#E69F00", border: "#7A5500", text: "#000000", borderStyle: ["bold"], peripheries: 1, sign: "▲")
    // Light sky blue with a dashed border: due within the window.
    case .dueSoon:
      return Look(
        fill: "#A3D5F2", border: "#0072B2", text: "#000000", borderStyle: ["dashed"], peripheries: 1, sign: "◐")
    // Reddish purple with corner marks.
    case .blocked:
      return Look(
        fill: "#CC79A7", border: "#6E3A57", text: "#000000", borderStyle: ["diagonals"], peripheries: 1, sign: "■")
    // Pale bluish green: finished work recedes.
    case .done:
      return Look(fill: "#C2E8DA", border: "#009E73", text: "#1F4D3F", borderStyle: [], peripheries: 1, sign: "✓")
    // White: nothing to see.
    case .onTrack:
      return Look(fill: "#FFFFFF", border: "#8C8C8C", text: "#000000", borderStyle: [], peripheries: 1, sign: "○")
    // Grey, dotted, struck out in words.
    case .cancelled:
      return Look(
        fill: "#F0F0F0", border: "#A0A0A0", text: "#707070", borderStyle: ["dotted"], peripheries: 1, sign: "—")
    }
  }

  /// The order statuses are listed in legends: what needs attention first.
  public static let legendOrder: [ScheduleStatus] = [
    .overdue, .atRisk, .dueSoon, .blocked, .onTrack, .done, .cancelled,
  ]

  /// Colour of critical dependencies and critical tasks' borders.
  public let critical = "#000000"
  /// Colour of other dependencies.
  public let dependency = "#7F7F7F"
  /// Border width of critical tasks and dependencies.
  public let criticalWidth = 3.5
  /// Colour of the as-of line and marker.
  public let asOf = "#D55E00"
  /// Colour of cluster frames and lane titles.
  public let frame = "#5F5F5F"
  /// Fill of cluster backgrounds.
  public let laneFill = "#F7F7F7"
  /// Colour of secondary text (owners, dates).
  public let secondaryText = "#3F3F3F"

  /// The one palette.
  public static let standard = StatusPalette()
}
