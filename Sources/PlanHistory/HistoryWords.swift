import PlanGraph

/// How `diff`, `slip` and `history` put their words together. The words themselves are the history
/// section of the language's table of words (`Words.history`).
extension HistoryWords {
  /// The words in `language`.
  public init(_ language: Language) {
    self = language.words.history
  }

  /// A plan-format key in words (`deadline` → 截止日期); an unknown key as written.
  public func field(_ key: String) -> String { fields[key] ?? key }

  /// A signed number of days: `+20d`, `-3d` (`+20天`).
  public func moved(_ days: Int?) -> String {
    guard let days else { return "" }
    if days == 0 { return "0" }
    return (days > 0 ? "+" : "") + "\(days)" + dayUnit
  }

  /// A written status (`planned`, `active`, `blocked`, `done`, `cancelled`) in words, as the reports say
  /// the statuses (受阻, 已完成, 已取消); anything else as written.
  public func taskStatus(_ raw: String) -> String {
    switch raw {
    case TaskStatus.planned.rawValue: return plannedStatus
    case TaskStatus.active.rawValue: return activeStatus
    default: return ScheduleStatus(rawValue: raw)?.label(language) ?? raw
    }
  }

  /// A field's value in words: a written status translated, any other value as written.
  public func value(_ field: String, _ raw: String) -> String {
    field == "status" ? taskStatus(raw) : raw
  }

  func changes(from: String, to: String, asOf: Day) -> String { changesTitle((from, to, asOf)) }

  func planFinish(_ old: Day?, _ new: Day?, moved: Int?) -> String {
    let movedText = moved.map { " (\(self.moved($0)))" } ?? ""
    return planFinishLabel + "\(old?.iso ?? none) → \(new?.iso ?? none)" + movedText
  }

  func criticalPath(before: Bool, _ path: [String]) -> String {
    (before ? criticalPathBefore : criticalPathAfter) + (path.isEmpty ? none : path.joined(separator: " → "))
  }

  func slipTitle(since: String, to: String, asOf: Day) -> String { slipHeading((since, to, asOf)) }

  func unitLine(_ counts: [(String, Int)]) -> String {
    let parts = counts.filter { $0.1 > 0 }.map { unitCount(($0.0, $0.1)) }
    return parts.isEmpty ? noChange : parts.joined(separator: language.words.report.comma)
  }
}
