/// A length of time in whole calendar days, as a plan's `duration` writes it (`6w`, `60d`, `2y`).
///
/// Not named `Duration`, which would shadow the standard library's type in every client.
public struct PlanDuration: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The length in calendar days.
  public var days: Int

  /// Creates a duration of `days` days.
  public init(days: Int) {
    self.days = days
  }

  /// The duration in days, `0d` for a milestone.
  public var description: String { "\(days)d" }

  /// Orders by value.
  public static func < (lhs: PlanDuration, rhs: PlanDuration) -> Bool { lhs.days < rhs.days }

  /// Why a duration could not be read.
  public enum ParseError: Error, Hashable, Sendable {
    /// Not a whole number followed by `d`, `w`, `m` or `y`.
    case malformed
    /// A number without a unit: the contract makes this an error rather than guess days.
    case bareNumber
    /// Longer than `PlanLimits.maximumDurationDays`.
    case tooLong
  }

  /// Parses `N` + unit, where `w` = 7, `m` = 30 and `y` = 365 days.
  public static func parse(_ text: String) -> Result<PlanDuration, ParseError> {
    var scanner = DateScanner(text)
    guard let result = parseUnits(&scanner) else {
      return .failure(DateScanner(text).isAllDigits ? .bareNumber : .malformed)
    }
    guard scanner.atEnd else { return .failure(.malformed) }
    return result.map { PlanDuration(days: $0) }
  }

  /// Reads a whole number and a unit letter; nil when the text has no such form here.
  static func parseUnits(_ scanner: inout DateScanner) -> Result<Int, ParseError>? {
    // 18 digits cannot overflow Int; a longer number is certainly too long.
    if scanner.leadingDigitCount > 18 {
      scanner.skipDigits()
      guard let unit = scanner.peek, "dwmy".contains(unit) else { return nil }
      scanner.advance()
      return .failure(.tooLong)
    }
    guard let count = scanner.number(maxDigits: 18), let unit = scanner.peek else { return nil }
    let perUnit: Int
    switch unit {
    case "d": perUnit = 1
    case "w": perUnit = 7
    case "m": perUnit = 30
    case "y": perUnit = 365
    default: return nil
    }
    scanner.advance()
    let (days, overflow) = count.multipliedReportingOverflow(by: perUnit)
    guard !overflow, days <= PlanLimits.maximumDurationDays else { return .failure(.tooLong) }
    return .success(days)
  }
}
