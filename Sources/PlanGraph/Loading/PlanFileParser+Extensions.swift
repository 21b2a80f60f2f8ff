extension PlanFileParser {
  /// Reads `extensions`: a list of `{from, to, on, reason, approved-by}` with absolute dates.
  mutating func readExtensions() throws(YAMLSyntaxError) -> [DeadlineExtension] {
    var result: [DeadlineExtension] = []
    try readMappingList(
      notAList: Phrase(
        "'extensions' takes a list of {from, to, on, reason, approved-by}",
        "延期记录“extensions”要写“{from, to, on, reason, approved-by}”的列表"),
      notAMapping: Phrase(
        "an extension must be a mapping {from, to, on, reason, approved-by}",
        "每条延期记录须写成映射“{from, to, on, reason, approved-by}”"),
      hint: Phrase(verbatim: "- { from: 2018-03-31, to: 2018-06-30, on: 2018-03-20, reason: … }")
    ) { (parser: inout Self, item: YAMLEvent) throws(YAMLSyntaxError) in
      if let extensionRecord = try parser.readExtension(startingAt: item) { result.append(extensionRecord) }
    }
    return result
  }

  /// Reads one extension's keys; nil (reported) when it lacks `from` or `to`.
  private mutating func readExtension(startingAt item: YAMLEvent) throws(YAMLSyntaxError) -> DeadlineExtension? {
    var places = KeyPlaces<ExtensionKey>()
    var days = [Day?](repeating: nil, count: ExtensionKey.allCases.count)
    var texts = [String?](repeating: nil, count: ExtensionKey.allCases.count)
    while let key = try nextKey(&places) {
      let name = key.rawValue
      guard let scalar = try cursor.readText(for: name, into: &bag) else { continue }
      switch key {
      case .from, .to, .on:
        if case .success(.day(let day)) = DateExpression.parse(scalar.text) {
          days[key.index] = day
        } else {
          bag.error(
            .invalidDate,
            Phrase(
              "'\(scalar.text)' is not a date for '\(name)' of an extension", "延期记录的“\(name)”要写日期，“\(scalar.text)”不是日期"),
            at: cursor.location(scalar.position), hint: Phrase("write it as 2018-06-30", "写成 2018-06-30 这样的日期"))
        }
      case .reason, .approvedBy:
        texts[key.index] = scalar.text
      }
    }
    for key in [ExtensionKey.from, .to] where !places.has(key) {
      bag.error(
        .missingKey, Phrase("the extension has no '\(key.rawValue)'", "延期记录缺少“\(key.rawValue)”"),
        at: cursor.location(item), hint: nil)
    }
    guard let from = days[ExtensionKey.from.index], let to = days[ExtensionKey.to.index] else { return nil }
    return DeadlineExtension(
      from: from, to: to, on: days[ExtensionKey.on.index], reason: texts[ExtensionKey.reason.index],
      approvedBy: texts[ExtensionKey.approvedBy.index])
  }
}
