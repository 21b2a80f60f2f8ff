/// A date as a plan file writes it: a fixed day, or a number of days after the plan start.
///
/// Every form of the plan-format contract parses to one of these; relative forms (`+2y`)
/// need the plan start to become a `Day`.
public enum DateExpression: Hashable, Sendable {
  /// A fixed calendar day.
  case day(Day)
  /// The plan start plus this many days.
  case relative(days: Int)

  /// The years a plan date may fall in, by the contract.
  public static let allowedYears = 1900...2200

  /// The day, when the expression does not depend on the plan start.
  public var fixedDay: Day? {
    if case .day(let day) = self { return day }
    return nil
  }

  /// The day this expression means in a plan that starts on `planStart`.
  public func resolved(planStart: Day) -> Day {
    switch self {
    case .day(let day): return day
    case .relative(let days): return planStart.adding(days: days)
    }
  }
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
}

extension DateExpression {
  /// Parses every date form of the contract: ISO, year-month, year, quarter, half,
  /// relative, and the Chinese forms.
  public static func parse(_ text: String) -> Result<DateExpression, DateParseError> {
    var scanner = DateScanner(text)
    if scanner.peek == "+" {
      return parseRelative(&scanner)
    }
    guard let year = scanner.number(maxDigits: 18) else { return .failure(.malformed) }
    if scanner.atEnd { return checked(year: year) { Day(year: year, month: 12, day: 31) } }
    if scanner.peek == "-" { return parseISO(&scanner, year: year) }
    if scanner.peek == "年" { return parseChinese(&scanner, year: year) }
    return .failure(.malformed)
  }

  private static func parseRelative(_ scanner: inout DateScanner) -> Result<DateExpression, DateParseError> {
    scanner.advance()
    guard let duration = PlanDuration.parseUnits(&scanner), scanner.atEnd else { return .failure(.malformed) }
    switch duration {
    case .success(let days): return .success(.relative(days: days))
    case .failure: return .failure(.tooFar)
    }
  }

  private static func parseISO(_ scanner: inout DateScanner, year: Int) -> Result<DateExpression, DateParseError> {
    scanner.advance()  // "-"
    if let letter = scanner.peek, letter == "Q" || letter == "q" || letter == "H" || letter == "h" {
      scanner.advance()
      guard let n = scanner.number(maxDigits: 1), scanner.atEnd else { return .failure(.malformed) }
      if letter == "Q" || letter == "q" {
        guard (1...4).contains(n) else { return .failure(.impossible) }
        return checked(year: year) { Day.lastDay(ofMonth: n * 3, year: year) }
      }
      guard (1...2).contains(n) else { return .failure(.impossible) }
      return checked(year: year) { Day.lastDay(ofMonth: n * 6, year: year) }
    }
    guard let month = scanner.number(exactDigits: 2) else { return .failure(.malformed) }
    if scanner.atEnd {
      guard (1...12).contains(month) else { return .failure(.impossible) }
      return checked(year: year) { Day.lastDay(ofMonth: month, year: year) }
    }
    guard scanner.take("-"), let day = scanner.number(exactDigits: 2), scanner.atEnd else {
      return .failure(.malformed)
    }
    return checked(year: year) { Day(year: year, month: month, day: day) }
  }

  private static func parseChinese(_ scanner: inout DateScanner, year: Int) -> Result<DateExpression, DateParseError> {
    scanner.advance()  // 年
    if scanner.atEnd { return checked(year: year) { Day(year: year, month: 12, day: 31) } }
    if scanner.take("底") || scanner.take("末") {
      guard scanner.atEnd else { return .failure(.malformed) }
      return checked(year: year) { Day(year: year, month: 12, day: 31) }
    }
    if scanner.take("中") {
      guard scanner.atEnd else { return .failure(.malformed) }
      return checked(year: year) { Day(year: year, month: 6, day: 30) }
    }
    if scanner.take("上半年") || scanner.take("下半年") {
      let secondHalf = scanner.lastTaken == "下半年"
      guard scanner.atEnd else { return .failure(.malformed) }
      return checked(year: year) { Day.lastDay(ofMonth: secondHalf ? 12 : 6, year: year) }
    }
    if scanner.take("第") {
      let quarter: Int?
      if let n = scanner.number(maxDigits: 1) {
        quarter = n
      } else if let ch = scanner.peek, let n = ["一": 1, "二": 2, "三": 3, "四": 4][ch] {
        scanner.advance()
        quarter = n
      } else {
        quarter = nil
      }
      guard let q = quarter, scanner.take("季度"), scanner.atEnd else { return .failure(.malformed) }
      guard (1...4).contains(q) else { return .failure(.impossible) }
      return checked(year: year) { Day.lastDay(ofMonth: q * 3, year: year) }
    }
    guard let month = scanner.number(maxDigits: 2), scanner.take("月") else { return .failure(.malformed) }
    guard (1...12).contains(month) else { return .failure(.impossible) }
    if scanner.atEnd || ((scanner.take("底") || scanner.take("末")) && scanner.atEnd) {
      return checked(year: year) { Day.lastDay(ofMonth: month, year: year) }
    }
    if scanner.take("上旬") || scanner.take("中旬") || scanner.take("下旬") {
      let part = scanner.lastTaken
      guard scanner.atEnd else { return .failure(.malformed) }
      switch part {
      case "上旬": return checked(year: year) { Day(year: year, month: month, day: 10) }
      case "中旬": return checked(year: year) { Day(year: year, month: month, day: 20) }
      default: return checked(year: year) { Day.lastDay(ofMonth: month, year: year) }
      }
    }
    guard let day = scanner.number(maxDigits: 2), scanner.take("日"), scanner.atEnd else {
      return .failure(.malformed)
    }
    return checked(year: year) { Day(year: year, month: month, day: day) }
  }

  private static func checked(year: Int, _ make: () -> Day?) -> Result<DateExpression, DateParseError> {
    guard allowedYears.contains(year) else { return .failure(.yearOutOfRange(year)) }
    guard let day = make() else { return .failure(.impossible) }
    return .success(.day(day))
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
