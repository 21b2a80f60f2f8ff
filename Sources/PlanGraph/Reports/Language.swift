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
  /// The status in words, in `language` (逾期, 有风险, 即将到期, 已完成 …), from its table of words.
  public func label(_ language: Language) -> String {
    language.words.statuses[self] ?? rawValue
  }
}
