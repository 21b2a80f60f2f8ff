/// Which days are working days, as a plan's `calendar:` says: Monday to Friday, or China's official
/// calendar, either with local days off and extra working days.
///
/// It changes nothing but `wd` durations and working-day dates; see `WorkingDays` for the arithmetic.
public struct WorkCalendar: Hashable, Sendable {
  /// The calendar a plan's own lists amend.
  public enum Base: String, Hashable, Sendable, CaseIterable {
    /// Monday to Friday.
    case weekdays
    /// China's official calendar: Monday to Friday less the State Council's public holidays, plus its
    /// make-up working days (调休), for the years `ChinaCalendar.coveredYears`.
    case cn
  }

  /// The calendar the lists amend.
  public var base: Base
  /// Local days off (`holidays:`), sorted.
  public var holidays: [Day]
  /// Extra working days (`workdays:`), sorted.
  public var workdays: [Day]

  /// Creates a calendar; the lists are sorted and freed of repeats.
  public init(base: Base, holidays: [Day] = [], workdays: [Day] = []) {
    self.base = base
    self.holidays = Array(Set(holidays)).sorted()
    self.workdays = Array(Set(workdays)).sorted()
  }

  /// Monday to Friday: the calendar of a plan without `calendar:`.
  public static let weekdays = WorkCalendar(base: .weekdays)
  /// China's official calendar.
  public static let cn = WorkCalendar(base: .cn)

  /// Whether the plan amends its base with its own days.
  public var hasOwnDays: Bool { !holidays.isEmpty || !workdays.isEmpty }

  /// How outputs name it: `weekdays`, `cn`, or the base followed by `+` when amended.
  public var name: String { base.rawValue + (hasOwnDays ? "+" : "") }

  /// The years in `years` for which the `cn` base has no data (Monday to Friday is used); empty for
  /// `weekdays`. `check` warns once for each.
  public func yearsWithoutData(in years: ClosedRange<Int>) -> [Int] {
    guard base == .cn else { return [] }
    return years.filter { !ChinaCalendar.coveredYears.contains($0) }
  }
}

/// One year of China's official calendar: its exceptions to Monday–Friday as `MMDD` words
/// (`0204-0210` a run of days), as scripts/china-calendar.py writes them.
struct ChinaCalendarYear: Sendable {
  var year: Int
  var daysOff: String
  var workdays: String

  /// The days of `words` in this year.
  func days(_ words: String) -> [Day] {
    var result: [Day] = []
    for word in words.split(separator: " ") {
      let ends = word.split(separator: "-").compactMap { Int($0) }
      guard let first = ends.first,
        let from = Day(year: year, month: first / 100, day: first % 100),
        let to = Day(year: year, month: (ends.last ?? first) / 100, day: (ends.last ?? first) % 100)
      else { continue }
      for ordinal in from.ordinal...max(from.ordinal, to.ordinal) { result.append(Day(ordinal: ordinal)) }
    }
    return result
  }
}

/// China's official calendar as data embedded in the build (ChinaCalendarData.swift, generated).
public enum ChinaCalendar {
  /// The years the data covers.
  public static let coveredYears: ClosedRange<Int> = {
    let all = years.map(\.year)
    return (all.min() ?? 0)...(all.max() ?? 0)
  }()

  /// Weekdays that are days off, over all covered years, sorted.
  package static let daysOff: [Day] = years.flatMap { $0.days($0.daysOff) }

  /// Weekend days that are working days, over all covered years, sorted.
  package static let workdays: [Day] = years.flatMap { $0.days($0.workdays) }
}
