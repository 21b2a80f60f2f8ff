/// The fast path's readings of a value's text (its bytes, escapes already decoded): nil wherever the full
/// reader would report the value, or reads it by a rule the fast path does not repeat.
enum FastValues {
  /// Whether `text` is a valid id: ASCII letters, digits, `_` and `-` checked here, anything else by
  /// `IDSyntax`.
  static func isID(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard !text.isEmpty else { return false }
    for b in text {
      let plain =
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
        || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
      if !plain {
        guard b >= 0x80, comparesByBytes(text) else { return false }
        return IDSyntax.isValid(String(decoding: text, as: UTF8.self))
      }
    }
    return true
  }

  /// Whether `text` compares as a Swift `String` exactly as its bytes do: it is ASCII and CJK unified
  /// ideographs (U+3400–4DBF, U+4E00–9FFF) only, none of which decomposes or combines.
  ///
  /// The full loader compares ids as `String`s, by canonical equivalence: `é` written as one character or
  /// as `e` and a combining accent, the Kelvin sign and `K`, a compatibility ideograph and its unified
  /// twin are one id to it. The fast path hashes and compares bytes, so it declines any id, owner or
  /// `after` text with another character, and the full loader decides.
  static func comparesByBytes(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    var k = 0
    let n = text.count
    while k < n {
      let b = text[k]
      if b < 0x80 {
        k += 1
        continue
      }
      guard b & 0xF0 == 0xE0, k + 2 < n, text[k + 1] & 0xC0 == 0x80, text[k + 2] & 0xC0 == 0x80 else {
        return false
      }
      let scalar = UInt32(b & 0x0F) << 12 | UInt32(text[k + 1] & 0x3F) << 6 | UInt32(text[k + 2] & 0x3F)
      guard (0x3400...0x4DBF).contains(scalar) || (0x4E00...0x9FFF).contains(scalar) else { return false }
      k += 3
    }
    return true
  }

  /// A date that is one day: `YYYY-MM-DD` read here, other forms by `DateExpression`; nil for a relative
  /// date or anything the full reader reports.
  static func day(_ text: UnsafeBufferPointer<UInt8>, role: DateRole) -> Day? {
    if text.count == 10, text[4] == UInt8(ascii: "-"), text[7] == UInt8(ascii: "-") {
      var fields = (0, 0, 0)
      var ok = true
      for k in 0..<10 where k != 4 && k != 7 {
        let d = text[k] &- UInt8(ascii: "0")
        if d > 9 { ok = false }
        if k < 4 {
          fields.0 = fields.0 * 10 + Int(d)
        } else if k < 7 {
          fields.1 = fields.1 * 10 + Int(d)
        } else {
          fields.2 = fields.2 * 10 + Int(d)
        }
      }
      if ok, DateExpression.allowedYears.contains(fields.0) {
        return Day(year: fields.0, month: fields.1, day: fields.2)
      }
    }
    guard case .success(.day(let day)) = DateExpression.parse(String(decoding: text, as: UTF8.self), role: role)
    else { return nil }
    return day
  }

  /// A duration: `Nd` read here, other forms by `PlanDuration`.
  static func duration(_ text: UnsafeBufferPointer<UInt8>) -> PlanDuration? {
    if text.count >= 2, text.count <= 7, text[text.count - 1] == UInt8(ascii: "d") {
      var value = 0
      var digits = true
      for k in 0..<text.count - 1 {
        let d = text[k] &- UInt8(ascii: "0")
        if d > 9 { digits = false }
        value = value * 10 + Int(d)
      }
      if digits {
        guard value <= PlanLimits.maximumDurationDays else { return nil }
        return PlanDuration(count: value, spelling: .d)
      }
    }
    guard case .success(let duration) = PlanDuration.parse(String(decoding: text, as: UTF8.self)) else { return nil }
    return duration
  }

  /// A whole percent `N%` within 0…100, as `parseProgress` accepts it.
  static func progress(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
    guard text.count >= 2, text[text.count - 1] == UInt8(ascii: "%") else { return nil }
    var start = 0
    var negative = false
    if text[0] == UInt8(ascii: "-") {
      negative = true
      start = 1
    }
    guard start < text.count - 1 else { return nil }
    var value = 0
    var significant = 0
    for k in start..<text.count - 1 {
      let d = text[k] &- UInt8(ascii: "0")
      guard d <= 9 else { return nil }
      if value > 0 || d > 0 { significant += 1 }
      guard significant <= 3 else { return nil }
      value = value * 10 + Int(d)
    }
    guard !negative || value == 0, value <= 100 else { return nil }
    return value
  }

  /// Whether `bytes` spell `word`.
  static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
    guard bytes.count == word.utf8CodeUnitCount else { return false }
    let w = word.utf8Start
    for k in 0..<bytes.count where bytes[k] != w[k] { return false }
    return true
  }

  /// The task key spelled by `key`, among those the fast path reads; nil for any other.
  static func taskKey(_ key: UnsafeBufferPointer<UInt8>) -> TaskKey? {
    guard let first = key.first else { return nil }
    switch first {
    case UInt8(ascii: "i"): return equals(key, "id") ? .id : nil
    case UInt8(ascii: "n"): return equals(key, "name") ? .name : equals(key, "note") ? .note : nil
    case UInt8(ascii: "o"): return equals(key, "owner") ? .owner : nil
    case UInt8(ascii: "d"):
      return equals(key, "duration")
        ? .duration : equals(key, "deadline") ? .deadline : equals(key, "done") ? .done : nil
    case UInt8(ascii: "a"): return equals(key, "after") ? .after : nil
    case UInt8(ascii: "t"): return equals(key, "tasks") ? .tasks : nil
    case UInt8(ascii: "s"):
      return equals(key, "start") ? .start : equals(key, "status") ? .status : equals(key, "source") ? .source : nil
    case UInt8(ascii: "e"): return equals(key, "every") ? .every : equals(key, "evidence") ? .evidence : nil
    case UInt8(ascii: "p"): return equals(key, "progress") ? .progress : nil
    default: return nil
    }
  }
}
