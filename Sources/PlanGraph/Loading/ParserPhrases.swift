/// Wordings the parser's messages share: how a node's shape is called, "did you mean", "one of".
enum ParserPhrases {
  /// "did you mean 'x'?" (English as `NearestNames.hint` words it) and "是否想写“x”？"; nil when nothing is close.
  static func didYouMean(_ name: String, in candidates: [String]) -> Phrase? {
    let found = NearestNames.nearest(to: name, in: candidates)
    guard let english = NearestNames.hint(for: name, in: candidates), !found.isEmpty else { return nil }
    return Phrase(english, NearestNames.didYouMean(found.map { Phrase("'\($0)'", "“\($0)”") }).chinese)
  }

  /// The hint for a word that is not one of `words`: the nearest, else the whole list.
  static func oneOf(_ text: String, in words: [String]) -> Phrase {
    didYouMean(text, in: words)
      ?? Phrase("one of: " + words.joined(separator: ", "), "可以写：" + words.joined(separator: "、"))
  }

  /// The hint for a date that is not one, in both languages (`DateWordingHint` words the English).
  static func dateHint(_ text: String) -> Phrase {
    let english = DateWordingHint.forDate(text)
    if let fixed = DateWordingHint.suggestion(forDate: text) { return Phrase(english, "写作“\(fixed)”") }
    let forms = english.split(separator: ": ", maxSplits: 1).last.map(String.init) ?? english
    return Phrase(english, "相近的写法：" + forms.split(separator: ", ").joined(separator: "、"))
  }

  /// "write '…'" for the wording a date most likely means, or nil.
  static func writeInstead(ofDate text: String) -> Phrase? {
    DateWordingHint.suggestion(forDate: text).map { Phrase("write '\($0)'", "写作“\($0)”") }
  }

  /// The hint for a duration that is not one, in both languages (`DateWordingHint` words the English).
  static func durationHint(_ text: String) -> Phrase {
    let english = DateWordingHint.forDuration(text)
    if let fixed = DateWordingHint.suggestion(forDuration: text) { return Phrase(english, "写作“\(fixed)”") }
    if text.contains(".") || text.contains("．") {
      return Phrase(english, "工期写整数加单位：写 45天，不写 1.5个月；也可以写 10d、6w、3m、2y、15wd")
    }
    return Phrase(english, "工期写整数加单位：10天、6周、9个月、2年、15个工作日，或 10d、6w、3m、2y、15wd")
  }

  /// The years plan dates may take, as messages write them: "1900–2200".
  static var years: String {
    "\(DateExpression.allowedYears.lowerBound)–\(DateExpression.allowedYears.upperBound)"
  }

  /// "plan dates lie between 1900 and 2200".
  static var yearsHint: Phrase {
    let (low, high) = (DateExpression.allowedYears.lowerBound, DateExpression.allowedYears.upperBound)
    return Phrase("plan dates lie between \(low) and \(high)", "计划中的日期须在 \(low) 年至 \(high) 年之间")
  }
}

extension YAMLEvent.Kind {
  /// How a node of this kind is called in messages, in both languages.
  var nodeName: Phrase {
    switch self {
    case .mappingStart: return Phrase("a mapping", "映射（键值对）")
    case .sequenceStart: return Phrase("a list", "列表")
    case .scalar: return Phrase("a single value", "单个值")
    default: return Phrase("nothing", "空")
    }
  }
}
