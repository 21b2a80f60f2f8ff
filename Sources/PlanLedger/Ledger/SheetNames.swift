/// Tab names Excel accepts: at most 31 UTF-16 units, none of `[]:*?/\`, no apostrophe at either end,
/// and unique regardless of case.
struct SheetNames {
  private var used: Set<String> = []

  /// A valid name close to `wanted`, not yet used.
  mutating func make(_ wanted: String) -> String {
    let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
    // Control characters are not XML: a name with one made a workbook no reader opens.
    var base = String(
      wanted.map {
        forbidden.contains($0) || $0.isNewline || $0.unicodeScalars.contains(where: Self.isControl) ? "_" : $0
      })
    while base.hasPrefix("'") { base.removeFirst() }
    while base.hasSuffix("'") { base.removeLast() }
    if base.isEmpty || base.lowercased() == "history" { base = "Sheet" }
    var candidate = Self.truncated(base, to: 31)
    var n = 2
    while used.contains(candidate.lowercased()) {
      let suffix = "(\(n))"
      candidate = Self.truncated(base, to: 31 - suffix.utf16.count) + suffix
      n += 1
    }
    used.insert(candidate.lowercased())
    return candidate
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0xFFFE || scalar.value == 0xFFFF
  }

  private static func truncated(_ text: String, to units: Int) -> String {
    var result = ""
    var count = 0
    for character in text {
      let size = String(character).utf16.count
      if count + size > units { break }
      result.append(character)
      count += size
    }
    return result
  }
}
