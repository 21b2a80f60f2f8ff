/// Finds the known names closest to a misspelt one, for "did you mean" hints.
enum NearestNames {
  /// The candidates within a small edit distance of `name`, closest first, at most `limit`.
  static func nearest(to name: String, in candidates: [String], limit: Int = 3) -> [String] {
    let target = Array(name.unicodeScalars)
    // One edit for very short names (else "a" would suggest every two-letter key), about a third for longer.
    let threshold = target.count <= 3 ? 1 : max(2, target.count / 3)
    var scored: [(distance: Int, index: Int, name: String)] = []
    var seen = Set<String>()
    for (index, candidate) in candidates.enumerated() where candidate != name && !seen.contains(candidate) {
      seen.insert(candidate)
      let other = Array(candidate.unicodeScalars)
      if abs(other.count - target.count) > threshold { continue }
      if let d = distance(target, other, limit: threshold) {
        scored.append((d, index, candidate))
      }
    }
    scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.index < $1.index }
    return scored.prefix(limit).map(\.name)
  }

  /// Edit distance counting a swap of neighbours as one edit (optimal string alignment), or nil once it
  /// is certain to exceed `limit`.
  static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
    if a.isEmpty { return b.count <= limit ? b.count : nil }
    if b.isEmpty { return a.count <= limit ? a.count : nil }
    var beforePrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMinimum = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], beforePrevious[j - 2] + 1)
        }
        rowMinimum = min(rowMinimum, current[j])
      }
      if rowMinimum > limit { return nil }
      (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[b.count] <= limit ? previous[b.count] : nil
  }

  /// A hint sentence: "did you mean 'x'?" or "did you mean 'x' or 'y'?", nil when nothing is close.
  static func hint(for name: String, in candidates: [String], describe: (String) -> String = { "'\($0)'" })
    -> String?
  {
    let found = nearest(to: name, in: candidates)
    guard !found.isEmpty else { return nil }
    let listed = found.map(describe)
    let joined =
      listed.count == 1 ? listed[0] : listed.dropLast().joined(separator: ", ") + " or " + listed[listed.count - 1]
    return "did you mean \(joined)?"
  }

  /// The names nearest to `name` and a "did you mean" hint proposing them in both languages ("did you mean
  /// 'x' or 'y'?", "是否想写“x”或“y”？"); nil when nothing is close. The names go to the diagnostic's
  /// `suggestions`, so that an editor can apply one.
  static func suggestion(
    for name: String, in candidates: [String], describe: (String) -> Phrase = { Phrase("'\($0)'", "“\($0)”") }
  ) -> (hint: Phrase, names: [String])? {
    let found = nearest(to: name, in: candidates)
    guard !found.isEmpty else { return nil }
    return (didYouMean(found.map(describe)), found)
  }

  /// "did you mean A, B or C?" / "是否想写 A、B 或 C？" of already described candidates (each quoted:
  /// 'x' in English, “x” in Chinese).
  static func didYouMean(_ listed: [Phrase]) -> Phrase {
    func join(_ words: [String], comma: String, or: String) -> String {
      words.count == 1 ? words[0] : words.dropLast().joined(separator: comma) + or + words[words.count - 1]
    }
    return Phrase(
      "did you mean \(join(listed.map(\.english), comma: ", ", or: " or "))?",
      "是否想写\(join(listed.map(\.chinese), comma: "、", or: "或"))？")
  }

  /// The quoted names of an English "did you mean 'x' or 'y'?" hint, up to its question mark: the
  /// suggestions of a diagnostic whose hint was written as text only.
  static func names(inHint hint: String) -> [String] {
    guard let start = hint.firstRange(of: "did you mean ") else { return [] }
    var names: [String] = []
    var current: String?
    for character in hint[start.upperBound...] {
      if character == "'" {
        if let name = current {
          if !name.isEmpty { names.append(name) }
          current = nil
        } else {
          current = ""
        }
      } else if current != nil {
        current?.append(character)
      } else if character == "?" {
        break
      }
    }
    return names
  }
}
