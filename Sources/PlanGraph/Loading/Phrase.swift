/// Words said in each language the tool speaks: a diagnostic's message or hint, written once at the
/// place that finds the problem, with both wordings side by side so that neither can drift or go
/// missing. Adding a language adds a field here and a case to `Language`.
public struct Phrase: Hashable, Sendable {
  /// The English wording.
  public var english: String
  /// The Simplified Chinese wording.
  public var chinese: String

  /// A phrase in English and Chinese.
  public init(_ english: String, _ chinese: String) {
    self.english = english
    self.chinese = chinese
  }

  /// Words that are the same in every language: a quoted plan text, a file name, an example line.
  public init(verbatim text: String) {
    self.english = text
    self.chinese = text
  }

  /// The wording in `language`.
  public func text(_ language: Language) -> String {
    language.pick(english, chinese)
  }
}
