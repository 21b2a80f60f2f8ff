/// Hints for a date or duration the loader does not accept: the accepted wording it most likely means
/// ("write '2025-06-30'"), or else the accepted forms nearest to what was written.
package enum DateWordingHint {
  /// The hint for a date that is not one, in English.
  package static func forDate(_ text: String) -> String { forDatePhrase(text).english }

  /// The hint for a duration that is not one, in English.
  package static func forDuration(_ text: String) -> String { forDurationPhrase(text).english }

  /// The hint for a date that is not one, in each language.
  package static func forDatePhrase(_ text: String) -> Phrase {
    if let fixed = suggestion(forDate: text) { return write(fixed) }
    let forms = nearestDateForms(text)
    return Phrase("accepted forms like it: " + forms, "相近的写法：" + forms.replacing(", ", with: "、"))
  }

  /// The hint for a duration that is not one, in each language.
  package static func forDurationPhrase(_ text: String) -> Phrase {
    if let fixed = suggestion(forDuration: text) { return write(fixed) }
    if text.contains(".") || text.contains("．") {
      return Phrase(
        "write a whole number and a unit: 45天 rather than 1.5个月, 10d, 6w, 3m, 2y, 15wd",
        "工期写整数加单位：写 45天，不写 1.5个月；也可以写 10d、6w、3m、2y、15wd")
    }
    return Phrase(
      "write a whole number and a unit: 10d, 6w, 3m, 2y, 15wd, or 10天, 6周, 9个月, 2年, 15个工作日",
      "工期写整数加单位：10天、6周、9个月、2年、15个工作日，或 10d、6w、3m、2y、15wd")
  }

  /// "write '…'": the accepted wording to put in place of what was written.
  package static func write(_ fixed: String) -> Phrase {
    Phrase("write '\(fixed)'", "写作“\(fixed)”")
  }

  /// An accepted date wording that `text` most likely means, or nil.
  package static func suggestion(forDate text: String) -> String? {
    var candidates: [String] = []
    let base = normalised(text)
    candidates.append(base)
    candidates.append(separatedISO(base) ?? base)
    var words = base
    for (from, to) in dateWords { words = words.replacing(from, with: to) }
    candidates.append(words)
    candidates.append(separatedISO(words) ?? words)
    // A relative form cannot take 前: drop it.
    for suffix in ["以前", "之前", "前"] where words.hasSuffix(suffix) {
      candidates.append(String(words.dropLast(suffix.count)))
    }
    // A number of years, months, weeks or days without 内.
    for unit in ["年", "个月", "周", "天", "个工作日"] where words.hasSuffix(unit) && Int(words.dropLast(unit.count)) != nil {
      candidates.append(words + "内")
    }
    for candidate in candidates where candidate != text {
      if case .success = DateExpression.parse(candidate) { return candidate }
    }
    return nil
  }

  /// An accepted duration wording that `text` most likely means, or nil.
  package static func suggestion(forDuration text: String) -> String? {
    var words = normalised(text)
    for (from, to) in durationWords { words = words.replacing(from, with: to) }
    words = arabicCount(words)
    let candidates = [words, words.hasSuffix("内") ? String(words.dropLast()) : words]
    for candidate in candidates where candidate != text {
      if case .success = PlanDuration.parse(candidate) { return candidate }
    }
    return nil
  }

  /// Full-width digits and letters made ASCII, spaces dropped, 号 made 日, Chinese numerals of months made digits.
  private static func normalised(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars where !scalar.properties.isWhitespace {
      if (0xFF01...0xFF5E).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
        scalars.append(ascii)
      } else {
        scalars.append(scalar)
      }
    }
    var result = String(scalars)
    for (from, to) in numerals { result = result.replacing(from, with: to) }
    return result
  }

  /// `2025/6/30`, `2025.6.30`, `2025-6-30`, `2025/6` as ISO with two-digit months and days.
  private static func separatedISO(_ text: String) -> String? {
    let parts = text.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }).map(String.init)
    guard (2...3).contains(parts.count), parts.allSatisfy({ Int($0) != nil }), parts[0].count == 4,
      parts.dropFirst().allSatisfy({ $0.count <= 2 })
    else { return nil }
    return ([parts[0]] + parts.dropFirst().map { $0.count == 1 ? "0" + $0 : $0 }).joined(separator: "-")
  }

  private static let numerals: [(String, String)] = [
    ("十二月", "12月"), ("十一月", "11月"), ("十月", "10月"), ("一月", "1月"), ("二月", "2月"), ("三月", "3月"),
    ("四月", "4月"), ("五月", "5月"), ("六月", "6月"), ("七月", "7月"), ("八月", "8月"), ("九月", "9月"),
    ("〇", "0"), ("○", "0"),
  ]

  private static let dateWords: [(String, String)] = [
    ("号", "日"), ("月份", "月"), ("以内", "内"), ("个工作日内", "\u{1}"), ("工作日内", "个工作日内"),
    ("\u{1}", "个工作日内"), ("个月内", "\u{2}"), ("月内", "个月内"), ("\u{2}", "个月内"), ("个星期内", "周内"),
    ("星期内", "周内"), ("个周内", "周内"), ("年度末", "年底"), ("年年底", "年底"), ("季度末", "\u{3}"),
    ("季末", "季度末"), ("\u{3}", "季度末"), ("Q", "-Q"), ("H", "-H"), ("年-", "-"), ("--", "-"),
    ("第一季", "第一季度"), ("第二季", "第二季度"), ("第三季", "第三季度"), ("第四季", "第四季度"), ("季度度", "季度"),
  ]

  private static let durationWords: [(String, String)] = [
    ("个星期", "周"), ("星期", "周"), ("个周", "周"), ("个工作天", "个工作日"), ("工作天", "个工作日"),
    ("个自然日", "天"), ("自然日", "天"), ("日历天", "天"), ("个年", "年"), ("半个月", "15天"), ("半年", "6个月"),
    ("workingdays", "wd"), ("workdays", "wd"), ("workday", "wd"), ("days", "d"), ("day", "d"), ("weeks", "w"),
    ("week", "w"), ("months", "m"), ("month", "m"), ("years", "y"), ("year", "y"), ("WD", "wd"), ("D", "d"),
    ("W", "w"), ("M", "m"), ("Y", "y"), ("一个", "1个"), ("两个", "2个"), ("三个", "3个"),
  ]

  /// The accepted date forms nearest to `text`, by the words it uses.
  private static func nearestDateForms(_ text: String) -> String {
    if text.contains("季") || text.contains("Q") || text.contains("q") {
      return "2025年三季度, 2025年第3季度, 2025年一季度末, 2025-Q3"
    }
    if text.contains("旬") { return "2025年6月上旬, 2025年6月中旬, 2025年6月下旬" }
    if text.contains("半年") || text.contains("H") { return "2025年上半年, 2025年下半年, 2025-H1, 2025-H2" }
    if text.hasPrefix("+") || text.contains("内") {
      return "+2y, +18m, +6w, +10d, +15wd, 2年内, 18个月内, 6周内, 10天内, 15个工作日内"
    }
    if text.contains("月") { return "2025年6月, 2025年6月底, 2025年6月底前, 2025年6月30日, 2025-06, 2025-06-30" }
    if text.contains("年") { return "2025年, 2025年底, 2025年底前, 2025年内, 2025年中, 2025年度" }
    return "2025-06-30, 2025-06, 2025, 2025-Q3, 2025-H1, +2y, 2025年6月底前, 2025年三季度, 15个工作日内"
  }

  /// A leading count in Chinese numerals (一 to 九十九, 两) as digits: `十五天` → `15天`.
  private static func arabicCount(_ text: String) -> String {
    let digits: [Character: Int] = ["一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
    var value = 0
    var current = 0
    var used = 0
    for character in text {
      if let digit = digits[character] {
        current = digit
      } else if character == "十" {
        value += (current == 0 ? 1 : current) * 10
        current = 0
      } else {
        break
      }
      used += 1
    }
    guard used > 0 else { return text }
    return String(value + current) + text.dropFirst(used)
  }
}
