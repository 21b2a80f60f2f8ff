/// A length of time as a plan's `duration` writes it: a whole number of calendar days, weeks, months or
/// years (`6w`, `60d`, `9个月`), or of working days of the plan's calendar (`15wd`, `15个工作日`).
///
/// It keeps the unit word it was written with, so that every output prints it as written (`15个工作日`,
/// not `21d`) through `description`. Not named `Duration`, which would shadow the standard library's type.
public struct PlanDuration: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// How many units.
  public var count: Int
  /// The unit word as written.
  public var spelling: Spelling

  /// The unit words of the contract, each with the unit it stands for.
  public enum Spelling: UInt8, CaseIterable, Sendable {
    /// `d`, `w`, `m`, `y`: days, weeks (7), months (30), years (365); `wd`: working days.
    case d, w, m, y, wd
    /// 天, 日, 周, 个月, 月, 年, 个工作日, 工作日: the Chinese words for the same units.
    case tian, ri, zhou, geYue, yue, nian, geGongzuori, gongzuori

    /// The word as a plan writes it after the number.
    public var text: String {
      switch self {
      case .d: return "d"
      case .w: return "w"
      case .m: return "m"
      case .y: return "y"
      case .wd: return "wd"
      case .tian: return "天"
      case .ri: return "日"
      case .zhou: return "周"
      case .geYue: return "个月"
      case .yue: return "月"
      case .nian: return "年"
      case .geGongzuori: return "个工作日"
      case .gongzuori: return "工作日"
      }
    }

    /// Calendar days per unit; 1 for a working day (counted on the calendar, not in days).
    public var daysPerUnit: Int {
      switch self {
      case .d, .tian, .ri, .wd, .geGongzuori, .gongzuori: return 1
      case .w, .zhou: return 7
      case .m, .geYue, .yue: return 30
      case .y, .nian: return 365
      }
    }

    /// Whether the unit is a working day of the plan's calendar.
    public var isWorkingDay: Bool { self == .wd || self == .geGongzuori || self == .gongzuori }
  }

  /// Creates a duration of `days` calendar days, written `Nd`.
  public init(days: Int) {
    self.count = days
    self.spelling = .d
  }

  /// Creates a duration of `count` units written with `spelling`.
  public init(count: Int, spelling: Spelling) {
    self.count = count
    self.spelling = spelling
  }

  /// Creates a duration of `count` working days, written `Nwd`.
  public static func workingDays(_ count: Int) -> PlanDuration { PlanDuration(count: count, spelling: .wd) }

  /// Whether it counts working days of the plan's calendar rather than calendar days.
  public var isWorkingDays: Bool { spelling.isWorkingDay }

  /// The length in its own kind of day: calendar days, or working days when `isWorkingDays`.
  public var days: Int { count * spelling.daysPerUnit }

  /// The duration as written (`6w`, `15个工作日`): the one text every output shows for it.
  public var description: String { "\(count)\(spelling.text)" }

  /// Orders by length in days (working days after calendar days of the same count).
  public static func < (lhs: PlanDuration, rhs: PlanDuration) -> Bool {
    (lhs.days, lhs.isWorkingDays ? 1 : 0) < (rhs.days, rhs.isWorkingDays ? 1 : 0)
  }

  /// Why a duration could not be read.
  public enum ParseError: Error, Hashable, Sendable {
    /// Not a whole number followed by a unit of the contract.
    case malformed
    /// A number without a unit: the contract makes this an error rather than guess days.
    case bareNumber
    /// Longer than `PlanLimits.maximumDurationDays`.
    case tooLong
  }

  /// Parses `N` + a unit: `d`, `w` (7), `m` (30), `y` (365), `wd`, or `天`/`日`, `周`, `个月`/`月`, `年`,
  /// `个工作日`/`工作日`.
  public static func parse(_ text: String) -> Result<PlanDuration, ParseError> {
    var scanner = DateScanner(text)
    guard let result = parseUnits(&scanner, chinese: true), scanner.atEnd else {
      return .failure(DateScanner(text).isAllDigits ? .bareNumber : .malformed)
    }
    return result
  }

  /// The Chinese unit words, longest first so that `个工作日` is tried before `工作日`.
  private static let chineseWords: [Spelling] = [.geGongzuori, .gongzuori, .geYue, .tian, .ri, .zhou, .yue, .nian]

  /// Reads a whole number and a unit word (the Chinese ones only when `chinese`); nil when the text
  /// has no such form here.
  static func parseUnits(_ scanner: inout DateScanner, chinese: Bool) -> Result<PlanDuration, ParseError>? {
    // 18 digits cannot overflow Int; a longer number is certainly too long.
    let long = scanner.leadingDigitCount > 18
    let count: Int
    if long {
      scanner.skipDigits()
      count = Int.max
    } else {
      guard let n = scanner.number(maxDigits: 18) else { return nil }
      count = n
    }
    let spelling: Spelling
    if let ascii = Self.asciiSpelling(scanner.peek) {
      scanner.advance()
      // `wd` read letter by letter: this runs for every duration of a million-task plan.
      if ascii == .w && scanner.peek == "d" {
        scanner.advance()
        spelling = .wd
      } else {
        spelling = ascii
      }
    } else if chinese, let word = chineseWords.first(where: { scanner.take($0.text) }) {
      spelling = word
    } else {
      return nil
    }
    let (days, overflow) = count.multipliedReportingOverflow(by: spelling.daysPerUnit)
    guard !long, !overflow, days <= PlanLimits.maximumDurationDays else { return .failure(.tooLong) }
    return .success(PlanDuration(count: count, spelling: spelling))
  }

  private static func asciiSpelling(_ letter: Character?) -> Spelling? {
    switch letter {
    case "d": return .d
    case "w": return .w
    case "m": return .m
    case "y": return .y
    default: return nil
    }
  }
}
