/// Ids that a reader cannot tell apart: `аb` (Cyrillic а) and `ab`, fullwidth `ａb` and `ab`. They are two
/// ids to the tool (a reference to one never reaches the other), so each pair gets a warning that names
/// the other id.
enum LookalikeIDs {
  /// A warning at each task or owner id that looks like an earlier one, naming it.
  static func warnings(for plan: Plan) -> [Diagnostic] {
    var result: [Diagnostic] = []
    let hint = Phrase(
      "write both ids in one script, without fullwidth letters, or make them differ visibly",
      "两个编号用同一种文字书写、不用全角字母，或改得明显不同")
    let taskIDs = plan.tasks.map(\.fullID)
    for (index, other) in pairs(taskIDs) {
      result.append(
        Diagnostic(
          .warning, .lookalikeID,
          Phrase(
            "task id '\(taskIDs[index])' looks like '\(other)' but is another id (\(difference(taskIDs[index])))",
            "任务编号“\(taskIDs[index])”看起来像“\(other)”，却是另一个编号（\(difference(taskIDs[index], .zh))）"),
          at: plan.location(plan.tasks[index].locations.id), hint: hint))
    }
    let ownerIDs = plan.owners.map(\.id)
    for (index, other) in pairs(ownerIDs) {
      result.append(
        Diagnostic(
          .warning, .lookalikeID,
          Phrase(
            "owner id '\(ownerIDs[index])' looks like '\(other)' but is another id (\(difference(ownerIDs[index])))",
            "责任单位编号“\(ownerIDs[index])”看起来像“\(other)”，却是另一个编号（\(difference(ownerIDs[index], .zh))）"),
          at: plan.location(plan.owners[index].location), hint: hint))
    }
    return result
  }

  /// For each id that looks like an earlier, different one: its index and the earlier id. Costs one
  /// pass over the ids when none holds a look-alike character, the usual case.
  static func pairs(_ ids: [String]) -> [(Int, String)] {
    guard ids.contains(where: { $0.unicodeScalars.contains { skeleton($0) != nil } }) else { return [] }
    var first: [String: String] = [:]
    for id in ids {
      let key = skeleton(of: id)
      if first[key] == nil { first[key] = id }
    }
    var result: [(Int, String)] = []
    for (index, id) in ids.enumerated() {
      if let other = first[skeleton(of: id)], other != id { result.append((index, other)) }
    }
    return result
  }

  /// `id` with every look-alike character replaced by the ASCII letter it looks like.
  static func skeleton(of id: String) -> String {
    guard id.unicodeScalars.contains(where: { skeleton($0) != nil }) else { return id }
    return String(String.UnicodeScalarView(id.unicodeScalars.map { skeleton($0) ?? $0 }))
  }

  /// Which look-alike characters an id holds, in words: `Cyrillic а (U+0430)`.
  static func difference(_ id: String, _ language: Language = .en) -> String {
    let found = id.unicodeScalars.filter { skeleton($0) != nil }.prefix(3).map { scalar in
      let hex = String(scalar.value, radix: 16, uppercase: true)
      let kind =
        (0xFF01...0xFF5E).contains(scalar.value)
        ? language.pick("fullwidth", "全角字符")
        : (0x0370...0x03FF).contains(scalar.value)
          ? language.pick("Greek", "希腊字母") : language.pick("Cyrillic", "西里尔字母")
      return "\(kind) \(scalar) (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex))"
    }
    return found.isEmpty
      ? language.pick("a different script", "另一种文字") : found.joined(separator: language.pick(", ", "、"))
  }

  /// The ASCII character `scalar` looks like: fullwidth ASCII, and the Cyrillic and Greek letters that
  /// are drawn like Latin ones (from Unicode's confusables); nil for any other character.
  static func skeleton(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
    let v = scalar.value
    if (0xFF01...0xFF5E).contains(v) { return Unicode.Scalar(v - 0xFEE0) }
    guard v >= 0x0370 && v < 0x0530 else { return nil }
    return confusables[v].flatMap { Unicode.Scalar($0) }
  }

  private static let confusables: [UInt32: UInt32] = {
    let pairs: [(String, String)] = [
      // Cyrillic
      ("а", "a"), ("е", "e"), ("о", "o"), ("р", "p"), ("с", "c"), ("у", "y"), ("х", "x"), ("і", "i"), ("ј", "j"),
      ("ѕ", "s"), ("ԁ", "d"), ("һ", "h"), ("ӏ", "l"), ("ԛ", "q"), ("ԝ", "w"), ("ь", "b"), ("А", "A"), ("В", "B"),
      ("Е", "E"), ("К", "K"), ("М", "M"), ("Н", "H"), ("О", "O"), ("Р", "P"), ("С", "C"), ("Т", "T"), ("Х", "X"),
      ("У", "Y"), ("І", "I"), ("Ј", "J"), ("Ѕ", "S"), ("Ԛ", "Q"), ("Ԝ", "W"),
      // Greek
      ("ο", "o"), ("ν", "v"), ("ρ", "p"), ("ι", "i"), ("κ", "k"), ("Α", "A"), ("Β", "B"), ("Ε", "E"), ("Ζ", "Z"),
      ("Η", "H"), ("Ι", "I"), ("Κ", "K"), ("Μ", "M"), ("Ν", "N"), ("Ο", "O"), ("Ρ", "P"), ("Τ", "T"), ("Υ", "Y"),
      ("Χ", "X"),
    ]
    var table: [UInt32: UInt32] = [:]
    for (from, to) in pairs {
      if let f = from.unicodeScalars.first, let t = to.unicodeScalars.first { table[f.value] = t.value }
    }
    return table
  }()
}
