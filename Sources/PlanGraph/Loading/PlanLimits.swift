/// The limits a plan file must stay within, so that no input can make the tool hang or exhaust memory.
/// Each is far beyond any real plan; the README's reference section lists them.
public enum PlanLimits {
  /// The largest plan file read, in bytes (1 GiB); `DiskFileSystem` refuses larger ones.
  public static let maximumFileSize = 1 << 30
  /// How deeply YAML or JSON collections may nest. libyaml slows down quadratically with depth, so
  /// reading stops here with a diagnostic, in milliseconds, instead of minutes later.
  public static let maximumNesting = 2_500
  /// How deeply tasks may nest: every level lengthens the full ids of all tasks below it.
  public static let maximumTaskDepth = 1_000
  /// How many events YAML aliases may add to one file.
  public static let aliasBudget = 100_000
  /// The longest duration a plan may state, in days (about 274 years: beyond any plan's 1900–2200 span).
  public static let maximumDurationDays = 100_000
  /// How many diagnostics are listed; the rest are counted.
  public static let maximumDiagnostics = 1_000
}
