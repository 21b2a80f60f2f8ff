/// A date as a plan file writes it: a fixed day, or a number of days (or working days) after the
/// plan start.
///
/// Every form of the plan-format contract parses to one of these; relative forms (`+2y`, `15个工作日内`)
/// need the plan start, and working-day ones the plan's calendar, to become a `Day`.
public enum DateExpression: Hashable, Sendable {
  /// A fixed calendar day.
  case day(Day)
  /// The plan start plus this many days.
  case relative(days: Int)
  /// The N-th working day counting from the plan start (`+Nwd`, `N个工作日内`); 0 is the plan start.
  case relativeWorkingDays(Int)

  /// The years a plan date may fall in, by the contract.
  public static let allowedYears = 1900...2200

  /// The day, when the expression does not depend on the plan start.
  public var fixedDay: Day? {
    if case .day(let day) = self { return day }
    return nil
  }

  /// The day this expression means in a plan that starts on `planStart` and counts working days with
  /// `workingDays` (Monday to Friday unless given).
  public func resolved(planStart: Day, workingDays: WorkingDays? = nil) -> Day {
    switch self {
    case .day(let day): return day
    case .relative(let days): return planStart.adding(days: days)
    case .relativeWorkingDays(let n):
      let work = workingDays ?? WorkingDays(calendar: .weekdays)
      return n == 0 ? planStart : Day(ordinal: work.addWork(planStart.ordinal, n) - 1)
    }
  }
}

/// Which end of a period a date means where it is written.
public enum DateRole: Sendable {
  /// A deadline, `until`, `done`, a measurement date: a period means its last day.
  case end
  /// `start` and a duty's `from`: a period means its first day (contract v2).
  case start
}

/// Why a date could not be read.
public enum DateParseError: Error, Hashable, Sendable {
  /// The text is in none of the accepted forms.
  case malformed
  /// The text has a date's form, but no such day exists (`2017-02-30`).
  case impossible
  /// The year lies outside 1900–2200.
  case yearOutOfRange(Int)
  /// A relative date so far from the plan start that it must lie outside 1900–2200.
  case tooFar
  /// A relative date with 前/以前/之前 after it (`2年内前`, `+2y前`): "by" belongs to absolute dates only.
  case byAfterRelative
}

extension DateExpression {
  /// Parses every date form of the contract: ISO, year-month, year, quarter, half, relative, the Chinese
  /// forms and their v2 wordings (a trailing 前/以前/之前, 月底, 年内, 三季度, 季度末, `2年内`, `15个工作日内`).
  /// A period means its last day, or its first day when `role` is `.start`.
  public static func parse(_ text: String, role: DateRole = .end) -> Result<DateExpression, DateParseError> {
    var scanner = DateScanner(text)
    if scanner.peek == "+" {
      return parseRelative(&scanner)
    }
    let digits = scanner.leadingDigitCount
    guard let number = scanner.number(maxDigits: 18) else { return .failure(.malformed) }
    // Four digits before 年 are a year (`2026年内`); any count of days, weeks, months or working days is one.
    if let relative = parseChineseRelative(&scanner, count: number, yearsToo: digits <= 3) { return relative }
    let span: Result<DaySpan, DateParseError>
    if scanner.atEnd || isByWord(scanner) {
      span = checked(year: number) { DaySpan(year: number) }
    } else if scanner.peek == "-" {
      span = parseISO(&scanner, year: number)
    } else if scanner.peek == "年" {
      span = parseChinese(&scanner, year: number)
    } else {
      return .failure(.malformed)
    }
    if case .failure(let error) = span { return .failure(error) }
    // A trailing 前/以前/之前 ("by"), once, after any absolute form.
    _ = scanner.take("以前") || scanner.take("之前") || scanner.take("前")
    guard scanner.atEnd else { return .failure(.malformed) }
    return span.map { .day(role == .start ? $0.first : $0.last) }
  }

  private static func isByWord(_ scanner: DateScanner) -> Bool {
    var probe = scanner
    return (probe.take("以前") || probe.take("之前") || probe.take("前")) && probe.atEnd
  }

  private static func parseRelative(_ scanner: inout DateScanner) -> Result<DateExpression, DateParseError> {
    scanner.advance()
    guard let duration = PlanDuration.parseUnits(&scanner, chinese: false) else { return .failure(.malformed) }
    guard scanner.atEnd else { return .failure(isByWord(scanner) ? .byAfterRelative : .malformed) }
    switch duration {
    case .success(let duration):
      return .success(duration.isWorkingDays ? .relativeWorkingDays(duration.count) : .relative(days: duration.days))
    case .failure: return .failure(.tooFar)
    }
  }

  /// `N年内` (when `yearsToo`), `N个月内`, `N周内`, `N天内`/`N日内`, `N个工作日内`; nil when the text goes on
  /// otherwise.
  private static func parseChineseRelative(_ scanner: inout DateScanner, count: Int, yearsToo: Bool) -> Result<
    DateExpression, DateParseError
  >? {
    let words: [(String, PlanDuration.Spelling)] = [
      ("年内", .y), ("个月内", .m), ("周内", .w), ("天内", .d), ("日内", .d), ("个工作日内", .wd),
    ]
    for (word, spelling) in words where yearsToo || spelling != .y {
      var probe = scanner
      guard probe.take(word) else { continue }
      guard probe.atEnd else {
        if isByWord(probe) { return .failure(.byAfterRelative) }
        continue
      }
      scanner = probe
      let (days, overflow) = count.multipliedReportingOverflow(by: spelling.daysPerUnit)
      guard !overflow, days <= PlanLimits.maximumDurationDays else { return .failure(.tooFar) }
      return .success(spelling.isWorkingDay ? .relativeWorkingDays(count) : .relative(days: days))
    }
    return nil
  }

  private static func parseISO(_ scanner: inout DateScanner, year: Int) -> Result<DaySpan, DateParseError> {
    scanner.advance()  // "-"
    if let letter = scanner.peek, letter == "Q" || letter == "q" || letter == "H" || letter == "h" {
      scanner.advance()
      guard let n = scanner.number(maxDigits: 1) else { return .failure(.malformed) }
      if letter == "Q" || letter == "q" {
        guard (1...4).contains(n) else { return .failure(.impossible) }
        return checked(year: year) { DaySpan(year: year, months: n * 3 - 2...n * 3) }
      }
      guard (1...2).contains(n) else { return .failure(.impossible) }
      return checked(year: year) { DaySpan(year: year, months: n * 6 - 5...n * 6) }
    }
    guard let month = scanner.number(exactDigits: 2) else { return .failure(.malformed) }
    guard scanner.take("-") else {
      guard (1...12).contains(month) else { return .failure(.impossible) }
      return checked(year: year) { DaySpan(year: year, months: month...month) }
    }
    guard let day = scanner.number(exactDigits: 2) else { return .failure(.malformed) }
    return checked(year: year) { Day(year: year, month: month, day: day).map(DaySpan.init(point:)) }
  }

  private static func parseChinese(_ scanner: inout DateScanner, year: Int) -> Result<DaySpan, DateParseError> {
    scanner.advance()  // 年
    let point = { (month: Int, day: Int) in
      checked(year: year) { Day(year: year, month: month, day: day).map(DaySpan.init(point:)) }
    }
    if scanner.take("年底") || scanner.take("年末") || scanner.take("底") || scanner.take("末") { return point(12, 31) }
    if scanner.take("中") { return point(6, 30) }
    if scanner.take("内") || scanner.take("度") || scanner.atEnd || isByWord(scanner) {
      return checked(year: year) { DaySpan(year: year) }
    }
    if scanner.take("上半年") { return checked(year: year) { DaySpan(year: year, months: 1...6) } }
    if scanner.take("下半年") { return checked(year: year) { DaySpan(year: year, months: 7...12) } }
    if let quarter = quarter(&scanner) {
      guard (1...4).contains(quarter) else { return .failure(.impossible) }
      let end = scanner.take("末")
      return checked(year: year) {
        let span = DaySpan(year: year, months: quarter * 3 - 2...quarter * 3)
        return end ? DaySpan(point: span.last) : span
      }
    }
    guard let month = scanner.number(maxDigits: 2), scanner.take("月") else { return .failure(.malformed) }
    guard (1...12).contains(month) else { return .failure(.impossible) }
    if scanner.take("底") || scanner.take("末") {
      return checked(year: year) { DaySpan(point: Day.lastDay(ofMonth: month, year: year)) }
    }
    if scanner.take("上旬") { return checked(year: year) { DaySpan(year: year, month: month, days: 1...10) } }
    if scanner.take("中旬") { return checked(year: year) { DaySpan(year: year, month: month, days: 11...20) } }
    if scanner.take("下旬") {
      return checked(year: year) { DaySpan(year: year, month: month, days: 21...Day.daysIn(month: month, year: year)) }
    }
    if let day = scanner.number(maxDigits: 2) {
      guard scanner.take("日") else { return .failure(.malformed) }
      return point(month, day)
    }
    return checked(year: year) { DaySpan(year: year, months: month...month) }
  }

  /// A quarter's number after 年: `第四季度`, `第4季度`, `四季度`, `4季度`; nil when none is written.
  private static func quarter(_ scanner: inout DateScanner) -> Int? {
    var probe = scanner
    _ = probe.take("第")
    let n: Int
    if let digit = probe.number(maxDigits: 1) {
      n = digit
    } else if let word = ["一", "二", "三", "四"].firstIndex(where: { probe.take($0) }) {
      n = word + 1
    } else {
      return nil
    }
    guard probe.take("季度") else { return nil }
    scanner = probe
    return n
  }

  private static func checked(year: Int, _ make: () -> DaySpan?) -> Result<DaySpan, DateParseError> {
    guard allowedYears.contains(year) else { return .failure(.yearOutOfRange(year)) }
    guard let span = make() else { return .failure(.impossible) }
    return .success(span)
  }
}

/// The first and last day of what a date names: one day for a point, several for a period.
struct DaySpan {
  var first: Day
  var last: Day

  init(point: Day) {
    first = point
    last = point
  }

  init(year: Int) {
    self.init(year: year, months: 1...12)
  }

  init(year: Int, months: ClosedRange<Int>) {
    first = Day.firstDay(ofMonth: months.lowerBound, year: year)
    last = Day.lastDay(ofMonth: months.upperBound, year: year)
  }

  init?(year: Int, month: Int, days: ClosedRange<Int>) {
    guard let first = Day(year: year, month: month, day: days.lowerBound),
      let last = Day(year: year, month: month, day: days.upperBound)
    else { return nil }
    self.first = first
    self.last = last
  }
}

/// A cursor over the Unicode scalars of a short date or duration text.
struct DateScanner {
  private let scalars: [Unicode.Scalar]
  private var index = 0
  /// The text matched by the last successful `take`.
  private(set) var lastTaken = ""

  init(_ text: String) {
    // Nothing longer than 64 scalars is a date or a duration; an empty scanner matches nothing.
    let all = text.unicodeScalars
    scalars = all.count <= 64 ? Array(all) : []
  }

  var atEnd: Bool { index >= scalars.count }
  var peek: Character? { index < scalars.count ? Character(scalars[index]) : nil }

  mutating func advance() { index += 1 }

  /// Consumes `literal` when the text continues with it.
  mutating func take(_ literal: String) -> Bool {
    let wanted = Array(literal.unicodeScalars)
    guard index + wanted.count <= scalars.count, Array(scalars[index..<index + wanted.count]) == wanted else {
      return false
    }
    index += wanted.count
    lastTaken = literal
    return true
  }

  /// How many ASCII digits follow the cursor.
  var leadingDigitCount: Int {
    var n = index
    while n < scalars.count, scalars[n].asciiDigit != nil { n += 1 }
    return max(0, n - index)
  }

  /// Moves past the digits that follow the cursor.
  mutating func skipDigits() {
    index += leadingDigitCount
  }

  /// Whether the whole text is ASCII digits (a bare number).
  var isAllDigits: Bool {
    !scalars.isEmpty && scalars.allSatisfy { $0.asciiDigit != nil }
  }

  /// Consumes 1…maxDigits ASCII digits (maxDigits ≤ 18, so the value fits an Int);
  /// nil when there is no digit or more than maxDigits.
  mutating func number(maxDigits: Int) -> Int? {
    precondition(maxDigits <= 18)
    var value = 0
    var count = 0
    while index < scalars.count, let digit = scalars[index].asciiDigit {
      count += 1
      if count > maxDigits { return nil }
      value = value * 10 + digit
      index += 1
    }
    return count == 0 ? nil : value
  }

  /// Consumes exactly `exactDigits` ASCII digits.
  mutating func number(exactDigits: Int) -> Int? {
    let before = index
    guard let value = number(maxDigits: exactDigits), index - before == exactDigits else { return nil }
    return value
  }
}

extension Unicode.Scalar {
  /// The value of an ASCII digit, nil for anything else.
  var asciiDigit: Int? {
    value >= 0x30 && value <= 0x39 ? Int(value - 0x30) : nil
  }
}
