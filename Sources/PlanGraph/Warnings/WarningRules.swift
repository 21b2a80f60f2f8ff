/// The warning rules (预警规则): an ordered list of levels; a task gets the first level whose
/// conditions it meets. Done and cancelled tasks get no level (`WarningLight.done`, `.cancelled`).
///
/// Written in the root plan file's `warnings:` section or a `--rules` file; without either the
/// default applies: 红 overdue; 黄 at risk, 10 or more points behind, or due within 7 days; 绿 otherwise.
public struct WarningRules: Hashable, Sendable {
  /// The levels, most severe first: the order in which they are tried.
  public var levels: [WarningLevel]

  /// Creates rules from levels in the order they are tried.
  public init(levels: [WarningLevel]) {
    self.levels = levels
  }

  /// The default rules: 红, 黄, 绿.
  public static let standard = WarningRules(levels: [
    WarningLevel(name: "红", color: 0xD93025, conditions: [.overdue(days: 1)]),
    WarningLevel(
      name: "黄", color: 0xF9C80E, conditions: [.atRisk, .behind(points: 10), .dueWithin(days: 7)]),
    WarningLevel(name: "绿", color: 0x34A853, conditions: []),
  ])
}

/// One level of the rules: a name (the word shown), a colour and the conditions, any one of which
/// selects it. A level without conditions matches every open task: the catch-all at the end.
public struct WarningLevel: Hashable, Sendable {
  /// The word shown for the level (`红`, `橙`, `red`).
  public var name: String
  /// The colour, 0xRRGGBB.
  public var color: UInt32
  /// The conditions; the level applies when any of them holds, or always when there are none.
  public var conditions: [WarningCondition]

  /// Creates a level.
  public init(name: String, color: UInt32, conditions: [WarningCondition]) {
    self.name = name
    self.color = color
    self.conditions = conditions
  }

  /// The colour as `#rrggbb`.
  public var hexColor: String {
    let digits = Array("0123456789abcdef")
    var text = "#"
    for shift in stride(from: 20, through: 0, by: -4) { text.append(digits[Int((color >> UInt32(shift)) & 0xF)]) }
    return text
  }
}

/// A condition of a warning level, over what the schedule knows of a task on the as-of date.
public enum WarningCondition: Hashable, Sendable {
  /// Overdue by at least this many days (`overdue: 7`); `overdue: 1` means any overdue task.
  case overdue(days: Int)
  /// Not overdue, and the deadline is at most this many days after the as-of date (`due-within: 7`).
  case dueWithin(days: Int)
  /// At least this many percentage points behind the expected progress (`behind: 10`).
  case behind(points: Int)
  /// The forecast finish is after the deadline (`at-risk: true`).
  case atRisk
}
