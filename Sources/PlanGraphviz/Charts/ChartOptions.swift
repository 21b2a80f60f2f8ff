import PlanGraph

/// Everything that shapes a chart besides the plan and its schedule.
public struct ChartOptions: Hashable, Sendable {
  /// The language of every title, legend and label.
  public var language: Language
  /// What the dependency graph's clusters are.
  public var clusterBy: ClusterBy
  /// The font family set on the graph, its nodes and edges. Naming the Simplified Chinese face matters:
  /// left to itself, fontconfig picks Noto's Japanese glyphs for Chinese text.
  public var fontName: String
  /// Which tasks to draw.
  public var filter: TaskFilter
  /// When to fold summaries automatically.
  public var collapse: CollapsePolicy
  /// The warning rules whose light outlines each task (the graph's nodes, the timeline's cells); nil
  /// draws no lights.
  public var warningRules: WarningRules?
  /// Whether the timeline is the battle map: one row per owner unit instead of a lane per organisation.
  public var byUnit = false
  /// The size to draw to (pixels or paper); nil for the drawing's natural size.
  public var pageSize: PageSize?
  /// How much larger than their usual size the texts of the graph, the roadmap and the battle map are
  /// drawn (1 as designed): `PageFit` raises it so that a chart laid out for a large page fills it with
  /// text rather than scaling its lines and gaps up too. The Gantt chart's pinned grid keeps 1.
  public var textScale = 1.0
  /// The battle map's cards side by side in a cell of n cards: about the square root of this times n
  /// (2 as designed, a row wider than tall). `PageFit` picks the one whose map best fits the page.
  public var cardsPerRowFactor = 2.0

  /// Whether `name` is a font family name: letters, digits, spaces, `-` and `_` (CJK letters
  /// included), at most 100 characters. Graphviz writes the family into SVG's `font-family` unescaped,
  /// so anything else (quotes, `;`, `<`) could break out of the attribute and is refused.
  public static func isValidFontName(_ name: String) -> Bool {
    guard !name.isEmpty, name.count <= 100, name.first != " " else { return false }
    return name.unicodeScalars.allSatisfy { scalar in
      if scalar.isASCII {
        return scalar == " " || scalar == "-" || scalar == "_" || ("a"..."z").contains(scalar)
          || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
      }
      // Letters and digits of any script: 思源黑体, Noto Sans CJK SC.
      return scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
    }
  }

  /// The font used unless told otherwise.
  public static let defaultFont = "Noto Sans CJK SC"

  /// Creates options.
  public init(
    language: Language, clusterBy: ClusterBy = .organisation, fontName: String = ChartOptions.defaultFont,
    filter: TaskFilter = TaskFilter(), collapse: CollapsePolicy = .standard
  ) {
    self.language = language
    self.clusterBy = clusterBy
    self.fontName = fontName
    self.filter = filter
    self.collapse = collapse
  }
}
