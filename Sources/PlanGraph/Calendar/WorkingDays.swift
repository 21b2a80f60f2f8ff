/// A calendar's working days as an index: counting and placing working days in O(1) or O(log n),
/// never by walking day by day.
///
/// `W(x)`, the number of working days before day `x` (from a fixed Monday), is Monday–Friday
/// arithmetic outside the window where the calendar has exceptions, and a prefix count over the days of
/// that window inside it. Placing the n-th working day inverts `W`: arithmetic outside, a table of the
/// window's working days inside. Both are O(1); a calendar without exceptions has an empty window.
public struct WorkingDays: Sendable {
  /// The first day of the window (its ordinal).
  private let low: Int
  /// `prefix[i]`: working days in `[low, low + i)`; `prefix.count - 1` days in the window.
  private let prefix: [Int32]
  /// `W(low)`.
  private let base: Int
  /// `workday[k]`: the offset from `low` of the window's k-th working day, so that placing a working day
  /// inside the window is one array read.
  private let workday: [Int32]

  /// 1970-01-05, a Monday: weekday counts are taken from it.
  private static let monday = 4

  /// Builds the index of `calendar`, its window covering at least the days of `span` (the plan's likely
  /// span: lookups inside the window are array reads, outside it arithmetic).
  public init(calendar: WorkCalendar, span: ClosedRange<Int>? = nil) {
    var off = Set(calendar.holidays.map(\.ordinal))
    var on = Set(calendar.workdays.map(\.ordinal))
    if calendar.base == .cn {
      // The plan's own lists win over the base.
      for day in ChinaCalendar.daysOff where !on.contains(day.ordinal) { off.insert(day.ordinal) }
      for day in ChinaCalendar.workdays where !off.contains(day.ordinal) { on.insert(day.ordinal) }
    }
    // Only days that differ from Monday–Friday are exceptions.
    off = off.filter { Self.isWeekday($0) }
    on = on.filter { !Self.isWeekday($0) }
    let lows = [off.min(), on.min(), span?.lowerBound].compactMap { $0 }
    let highs = [off.max(), on.max(), span?.upperBound].compactMap { $0 }
    guard let first = lows.min(), let last = highs.max() else {
      low = 0
      prefix = [0]
      base = Self.weekdaysBefore(0)
      workday = []
      return
    }
    low = first
    var counts = [Int32](repeating: 0, count: last - first + 2)
    var offsets: [Int32] = []
    for i in 0...(last - first) {
      let day = first + i
      let working = on.contains(day) || (Self.isWeekday(day) && !off.contains(day))
      counts[i + 1] = counts[i] + (working ? 1 : 0)
      if working { offsets.append(Int32(i)) }
    }
    prefix = counts
    workday = offsets
    base = Self.weekdaysBefore(first)
  }

  /// One past the window's last day.
  private var high: Int { low + prefix.count - 1 }

  /// Whether `day` (an ordinal) is a working day.
  public func isWorking(_ day: Int) -> Bool {
    if day >= low && day < high { return prefix[day - low + 1] != prefix[day - low] }
    return Self.isWeekday(day)
  }

  /// `W(x)`: how many working days lie before day `x`, counted from a fixed Monday (negative before it).
  public func count(before x: Int) -> Int {
    if x <= low { return Self.weekdaysBefore(x) }
    if x <= high { return base + Int(prefix[x - low]) }
    return base + Int(prefix[prefix.count - 1]) + Self.weekdaysBefore(x) - Self.weekdaysBefore(high)
  }

  /// The working day `d` with `W(d) = c`: the c-th working day from the fixed Monday.
  public func day(at c: Int) -> Int {
    if c < base { return Self.weekday(at: c) }
    let inside = Int(prefix[prefix.count - 1])
    if c >= base + inside { return Self.weekday(at: Self.weekdaysBefore(high) + c - base - inside) }
    return low + Int(workday[c - base])
  }

  /// `next(e)`: the first working day on or after `e`.
  public func next(_ e: Int) -> Int { day(at: count(before: e)) }

  /// Where n > 0 working days placed no earlier than `e` start (`next(e)`) and end (`addWork(e, n)`),
  /// from one count.
  public func place(_ e: Int, _ n: Int) -> (start: Int, end: Int) {
    let c = count(before: e)
    return (day(at: c), day(at: c + n - 1) + 1)
  }

  /// `addWork(e, n)`: the end (half-open) of n working days placed no earlier than `e`, starting on
  /// `next(e)`; `e` itself for `n = 0`.
  public func addWork(_ e: Int, _ n: Int) -> Int {
    n <= 0 ? e : day(at: count(before: e) + n - 1) + 1
  }

  /// The backward placement of n working days that must end by `latestEnd` (half-open): the latest end
  /// moved back to the day after the last working day before it, and the working day they start on.
  /// For `n = 0` neither moves.
  public func placeBackward(latestEnd: Int, _ n: Int) -> (latestEnd: Int, latestStart: Int) {
    guard n > 0 else { return (latestEnd, latestEnd) }
    let c = count(before: latestEnd)
    return (day(at: c - 1) + 1, day(at: c - n))
  }

  /// The start of n working days that end on the last working day on or before `day` (the done-date rule).
  public func startEnding(onOrBefore day: Int, _ n: Int) -> Int {
    n <= 0 ? day : self.day(at: count(before: day + 1) - n)
  }

  private static func isWeekday(_ day: Int) -> Bool {
    let r = (day - monday) % 7
    return (r < 0 ? r + 7 : r) < 5
  }

  /// Monday–Friday days in `[monday, x)` (negative before it).
  private static func weekdaysBefore(_ x: Int) -> Int {
    let t = x - monday
    let weeks = t >= 0 ? t / 7 : -((-t + 6) / 7)
    return 5 * weeks + min(t - 7 * weeks, 5)
  }

  /// The weekday `d` with `weekdaysBefore(d) = c`.
  private static func weekday(at c: Int) -> Int {
    let weeks = c >= 0 ? c / 5 : -((-c + 4) / 5)
    return monday + 7 * weeks + (c - 5 * weeks)
  }
}
