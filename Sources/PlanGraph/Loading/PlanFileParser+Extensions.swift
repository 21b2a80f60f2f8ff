/// The keys of a deadline extension (`extensions:` items).
enum ExtensionKey: String, CaseIterable {
  case from, to, on, reason
  case approvedBy = "approved-by"
}

extension PlanFileParser {
  /// Reads `extensions`: a list of `{from, to, on, reason, approved-by}` with absolute dates.
  mutating func readExtensions() throws(YAMLSyntaxError) -> [DeadlineExtension] {
    let start = try cursor.next()
    if start.isNull { return [] }
    guard start.kind == .sequenceStart else {
      bag.error(
        .invalidValue, "'extensions' takes a list of {from, to, on, reason, approved-by}", at: cursor.location(start))
      try cursor.skipNode(startingWith: start)
      return []
    }
    var result: [DeadlineExtension] = []
    let known = ExtensionKey.allCases.map(\.rawValue)
    while true {
      let item = try cursor.next()
      if item.kind == .sequenceEnd || item.kind == .streamEnd { break }
      guard item.kind == .mappingStart else {
        bag.error(
          .invalidValue, "an extension must be a mapping {from, to, on, reason, approved-by}",
          at: cursor.location(item), hint: "- { from: 2018-03-31, to: 2018-06-30, on: 2018-03-20, reason: … }")
        try cursor.skipNode(startingWith: item)
        continue
      }
      var days: [ExtensionKey: Day] = [:]
      var texts: [ExtensionKey: String] = [:]
      var seen = Set<ExtensionKey>()
      while true {
        let event = try cursor.next()
        if event.kind == .mappingEnd || event.kind == .streamEnd { break }
        guard let name = try mappingKey(event, known: known, context: "an extension"),
          let key = ExtensionKey(rawValue: name)
        else { continue }
        if seen.contains(key) {
          try duplicateKey(event)
          continue
        }
        seen.insert(key)
        guard let scalar = try cursor.readText(for: name, into: &bag) else { continue }
        switch key {
        case .from, .to, .on:
          if case .success(.day(let day)) = DateExpression.parse(scalar.text) {
            days[key] = day
          } else {
            bag.error(
              .invalidDate, "'\(scalar.text)' is not a date for '\(name)' of an extension",
              at: cursor.location(scalar.position), hint: "write it as 2018-06-30")
          }
        case .reason, .approvedBy:
          texts[key] = scalar.text
        }
      }
      for key in [ExtensionKey.from, .to] where !seen.contains(key) {
        bag.error(.missingKey, "the extension has no '\(key.rawValue)'", at: cursor.location(item))
      }
      if let from = days[.from], let to = days[.to] {
        result.append(
          DeadlineExtension(from: from, to: to, on: days[.on], reason: texts[.reason], approvedBy: texts[.approvedBy]))
      }
    }
    return result
  }
}
