/// A place in a plan file: 1-based line and column, and how many columns the offending text spans.
///
/// Columns count Unicode scalars, as libyaml does; printers convert to display width.
public struct FileLocation: Hashable, Sendable {
  /// The file's path as the user named it (the root) or as reached through `include`.
  public var file: String
  /// 1-based line number.
  public var line: Int
  /// 1-based column, in Unicode scalars.
  public var column: Int
  /// How many scalars the offending token spans on its line (at least 1).
  public var length: Int

  /// Creates a location.
  public init(file: String, line: Int, column: Int, length: Int = 1) {
    self.file = file
    self.line = line
    self.column = column
    self.length = max(1, length)
  }
}

/// A compact place in one of a plan's files, kept in the model for diagnostics after loading.
///
/// Sixteen bytes instead of a path string per location: a million tasks keep their positions cheaply.
public struct SourcePosition: Hashable, Sendable {
  /// Index of the file in `Plan.files`.
  public var file: Int32
  /// 1-based line.
  public var line: Int32
  /// 1-based column, in Unicode scalars.
  public var column: Int32
  /// Scalars spanned on the line (at least 1).
  public var length: Int32

  /// Creates a position.
  public init(file: Int32, line: Int32, column: Int32, length: Int32) {
    self.file = file
    self.line = line
    self.column = column
    self.length = length
  }
}
