/// A scalar value read from a plan file, with its place: every value is text until a rule parses it.
struct Scalar: Sendable {
  /// The text as written (without quotes).
  var text: String
  /// Where it is written.
  var position: SourcePosition
  /// Whether it is YAML's null: an empty plain scalar (`key:` with nothing after it).
  var isNull: Bool
}

/// A date value as written, kept with its place until the plan start is known.
struct DateSlot: Sendable {
  var expression: DateExpression
  var position: SourcePosition
}
