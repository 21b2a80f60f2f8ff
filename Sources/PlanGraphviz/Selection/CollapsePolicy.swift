/// When a chart folds summaries automatically, because Graphviz's layout time grows faster than the node count.
public struct CollapsePolicy: Hashable, Sendable {
  /// The most nodes drawn before summaries are folded.
  public var threshold: Int
  /// Whether folding is allowed at all (`--no-collapse` turns it off).
  public var enabled: Bool

  /// The default: fold above 1,500 nodes. `make bench` draws the dependency graph of 1,000 generated
  /// tasks in 0.42 s and of 3,000 in 5.6 s, nearly all of it dot's layout (docs/charts.md).
  public static let standard = CollapsePolicy(threshold: 1500, enabled: true)
  /// Never fold.
  public static let never = CollapsePolicy(threshold: .max, enabled: false)

  /// Creates a policy.
  public init(threshold: Int, enabled: Bool) {
    self.threshold = threshold
    self.enabled = enabled
  }
}
