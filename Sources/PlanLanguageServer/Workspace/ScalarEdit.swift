import PlanGraph

/// A replacement of one scalar's text in a plan file: what a rename changes, collected (and replaced
/// when a later check rewrites the same scalar) before it is turned into the editor's ranges.
struct ScalarEdit: Sendable {
  /// 1-based line of the scalar.
  var line: Int
  /// 1-based column (Unicode scalars) where the replaced text starts, inside any quotes.
  var column: Int
  /// Unicode scalars replaced.
  var length: Int
  /// The new text.
  var text: String

  /// The edit of a scalar node's text (inside its quotes, as a rename's range is).
  init(_ node: OutlineNode, to text: String) {
    line = node.line
    column = node.column + (node.isPlain ? 0 : 1)
    length = node.text.unicodeScalars.count
    self.text = text
  }
}
