/// The language of human-facing output: Simplified Chinese or English. JSON keys and status codes
/// stay English in both.
public enum Language: String, CaseIterable, Hashable, Sendable {
  /// English.
  case en
  /// Simplified Chinese.
  case zh

  /// The language a locale string names (`zh_CN.UTF-8` → zh); English for anything else.
  public static func fromLocale(_ locale: String?) -> Language? {
    guard let locale, !locale.isEmpty, locale != "C", locale != "POSIX" else { return nil }
    return locale.lowercased().hasPrefix("zh") ? .zh : .en
  }

  /// The language of the environment: `LC_ALL`, else `LC_MESSAGES`, else `LANG`; English when none says.
  public static func fromEnvironment(_ environment: [String: String]) -> Language {
    for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let language = fromLocale(environment[key]) { return language }
    }
    return .en
  }

  /// `english` or `chinese`, whichever this language is.
  public func pick(_ english: String, _ chinese: String) -> String {
    self == .zh ? chinese : english
  }
}

extension ScheduleStatus {
  /// The status in words, in `language` (逾期, 有风险, 即将到期, 已完成 …).
  public func label(_ language: Language) -> String {
    switch self {
    case .done: return language.pick("done", "已完成")
    case .overdue: return language.pick("overdue", "逾期")
    case .atRisk: return language.pick("at risk", "有风险")
    case .dueSoon: return language.pick("due soon", "即将到期")
    case .blocked: return language.pick("blocked", "受阻")
    case .onTrack: return language.pick("on track", "正常")
    case .cancelled: return language.pick("cancelled", "已取消")
    }
  }
}
