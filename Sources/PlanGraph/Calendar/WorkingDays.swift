/// A calendar's working days as an index: counting and placing working days in O(1) or O(log n),
/// never by walking day by day.
///
/// `W(x)`, the number of working days before day `x` (from a fixed Monday), is Monday–Friday
/// arithmetic outside the window where the calendar has exceptions, and a prefix count over the days of
/// that window inside it. Placing the n-th working day inverts `W`: arithmetic outside, a binary search
/// of the prefix counts inside. A calendar without exceptions has an empty window: pure arithmetic.
public struct WorkingDays: Sendable {
  /// The first day of the window (its ordinal).
  private let low: Int
  /// `prefix[i]`: working days in `[low, low + i)`; `prefix.count - 1` days in the window.
  private let prefix: [Int32]
  /// `W(low)`.
  private let base: Int

  /// 1970-01-05, a Monday: weekday counts are taken from it.
  private static let monday = 4

  /// Builds the index of `calendar`.
  public init(calendar: WorkCalendar) {
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
    guard let first = (off.min().map { min($0, on.min() ?? $0) } ?? on.min()),
      let last = (off.max().map { max($0, on.max() ?? $0) } ?? on.max())
    else {
      low = 0
      prefix = [0]
      base = Self.weekdaysBefore(0)
      return
    }
    low = first
    var counts = [Int32](repeating: 0, count: last - first + 2)
    for i in 0...(last - first) {
      let day = first + i
      let working = on.contains(day) || (Self.isWeekday(day) && !off.contains(day))
      counts[i + 1] = counts[i] + (working ? 1 : 0)
    }
    prefix = counts
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
    // The first i with prefix[i + 1] > c - base.
    let wanted = Int32(c - base)
    var lo = 0
    var hi = prefix.count - 1
    while lo < hi {
      let mid = (lo + hi) / 2
      if prefix[mid + 1] > wanted { hi = mid } else { lo = mid + 1 }
    }
    return low + lo
  }

  /// `next(e)`: the first working day on or after `e`.
  public func next(_ e: Int) -> Int { day(at: count(before: e)) }

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
