/// An exact decimal number as a plan writes it (`30`, `0.25`, `-4.5`): targets and measurements.
///
/// Kept as its digits so that comparisons are exact for any length, with no binary rounding.
public struct DecimalNumber: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Whether the number is below zero.
  private let negative: Bool
  /// The digits before the point, without leading zeros ("" for zero).
  private let integerDigits: [UInt8]
  /// The digits after the point, without trailing zeros.
  private let fractionDigits: [UInt8]

  /// The number in canonical form: no leading or trailing zeros, `-` only when below zero.
  public var description: String {
    let int = integerDigits.isEmpty ? "0" : String(decoding: integerDigits, as: UTF8.self)
    let frac = fractionDigits.isEmpty ? "" : "." + String(decoding: fractionDigits, as: UTF8.self)
    return (negative ? "-" : "") + int + frac
  }

  /// The value as a `Double`, for charts and proportions only.
  public var doubleValue: Double { Double(description) ?? 0 }

  /// Parses `-?digits(.digits)?`; nil for anything else (no exponents, no spaces, no `+`).
  public init?(_ text: String) {
    var bytes = Array(text.utf8)
    var negative = false
    if bytes.first == UInt8(ascii: "-") {
      negative = true
      bytes.removeFirst()
    }
    let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), !parts[0].isEmpty,
      parts.allSatisfy({ $0.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } })
    else { return nil }
    if parts.count == 2, parts[1].isEmpty { return nil }
    let integer = Array(parts[0].drop(while: { $0 == 0x30 }))
    var fraction = parts.count == 2 ? Array(parts[1]) : []
    while fraction.last == 0x30 { fraction.removeLast() }
    self.integerDigits = integer
    self.fractionDigits = fraction
    self.negative = negative && !(integer.isEmpty && fraction.isEmpty)
  }

  /// Orders by value.
  public static func < (lhs: DecimalNumber, rhs: DecimalNumber) -> Bool {
    if lhs.negative != rhs.negative { return lhs.negative }
    let magnitudeLess = lhs.magnitudeCompare(rhs) < 0
    let magnitudeGreater = rhs.magnitudeCompare(lhs) < 0
    return lhs.negative ? magnitudeGreater : magnitudeLess
  }

  /// -1, 0 or 1 as |self| is less than, equal to or greater than |other|.
  private func magnitudeCompare(_ other: DecimalNumber) -> Int {
    if integerDigits.count != other.integerDigits.count {
      return integerDigits.count < other.integerDigits.count ? -1 : 1
    }
    for (a, b) in zip(integerDigits, other.integerDigits) where a != b { return a < b ? -1 : 1 }
    let width = max(fractionDigits.count, other.fractionDigits.count)
    for i in 0..<width {
      let a = i < fractionDigits.count ? fractionDigits[i] : 0x30
      let b = i < other.fractionDigits.count ? other.fractionDigits[i] : 0x30
      if a != b { return a < b ? -1 : 1 }
    }
    return 0
  }
}
