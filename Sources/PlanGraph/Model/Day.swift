/// A calendar day without time or time zone: plan dates are whole civil days.
///
/// Stored as days since 1970-01-01 so that arithmetic and comparison are plain
/// integer operations; `Foundation.Date` is never used for plan dates.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Days since 1970-01-01 (negative before it).
  public var ordinal: Int

  /// Creates the day that is `ordinal` days after 1970-01-01.
  public init(ordinal: Int) {
    self.ordinal = ordinal
  }

  /// Creates a day from its year, month and day of month, or nil when no such day exists.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year),
      abs(year) <= 1_000_000
    else { return nil }
    self.ordinal = Day.ordinal(year: year, month: month, day: day)
  }

  /// The year, month (1–12) and day of month (1–31) of this day.
  public var components: (year: Int, month: Int, day: Int) {
    // Howard Hinnant's civil_from_days, exact for the whole Int range used here.
    let z = ordinal + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }

  /// The year of this day.
  public var year: Int { components.year }

  /// ISO weekday: 1 for Monday through 7 for Sunday.
  public var isoWeekday: Int {
    // 1970-01-01 was a Thursday (4).
    let r = (ordinal + 3) % 7
    return (r < 0 ? r + 7 : r) + 1
  }

  /// The day `days` days later (earlier when negative).
  public func adding(days: Int) -> Day {
    Day(ordinal: ordinal + days)
  }

  /// Whole days from `other` to this day.
  public func days(since other: Day) -> Int {
    ordinal - other.ordinal
  }

  /// The ISO form `YYYY-MM-DD` that every output uses.
  public var description: String { iso }

  /// The ISO form `YYYY-MM-DD`.
  public var iso: String {
    let (y, m, d) = components
    return Day.pad(y, 4) + "-" + Day.pad(m, 2) + "-" + Day.pad(d, 2)
  }

  /// Orders by value.
  public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

  /// Whether `year` is a leap year in the proleptic Gregorian calendar.
  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  /// The number of days in `month` of `year`.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// The last day of `month` in `year`.
  public static func lastDay(ofMonth month: Int, year: Int) -> Day {
    Day(ordinal: ordinal(year: year, month: month, day: daysIn(month: month, year: year)))
  }

  /// The first day of `month` in `year`.
  public static func firstDay(ofMonth month: Int, year: Int) -> Day {
    Day(ordinal: ordinal(year: year, month: month, day: 1))
  }

  private static func ordinal(year: Int, month: Int, day: Int) -> Int {
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = month > 2 ? month - 3 : month + 9
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(abs(value))
    let padded = digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits
    return value < 0 ? "-" + padded : padded
  }
}
