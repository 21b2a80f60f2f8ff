import Foundation
import PlanGraph
import PropertyBased
import Testing

/// The schema's date and duration patterns, as an editor applies them, accept every wording the loader
/// accepts and refuse the near misses it refuses.
@Suite struct SchemaWordingTests {
  static func pattern(_ name: String) throws -> NSRegularExpression {
    let data = Data(PlanSchema.json().utf8)
    let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let definitions = try #require(schema["definitions"] as? [String: Any])
    let definition = try #require(definitions[name] as? [String: Any])
    let text: String
    if let anyOf = definition["anyOf"] as? [[String: Any]] {
      text = try #require(anyOf.compactMap { $0["pattern"] as? String }.first)
    } else {
      text = try #require(definition["pattern"] as? String)
    }
    return try NSRegularExpression(pattern: text)
  }

  static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
    regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
  }

  @Test func everyGeneratedDateWordingMatchesTheSchema() async throws {
    let date = try Self.pattern("date")
    await propertyCheck(
      count: 500,
      input: Gen.int(in: 1900...2200), Gen.int(in: 1...12), Gen.int(in: 1...31), Gen.int(in: 1...4),
      Gen.int(in: 0...27),
      Gen.int(in: 0...3)
    ) { year, month, dayOfMonth, quarter, form, by in
      let text = DateWordingTests.wording(
        year: year, month: month, dayOfMonth: dayOfMonth, quarter: quarter, form: form, by: by
      ).text
      #expect(Self.matches(date, text), "\(text)")
    }
    for text in ["2年内", "18个月内", "6周内", "10天内", "10日内", "15个工作日内", "+15wd", "+2y", "0个工作日内"] {
      #expect(Self.matches(date, text), "\(text)")
    }
    for text in ["2025年6月30号", "18月内", "15工作日内", "+2y前", "2025年底前前", "2025/6/30", "2025年内内"] {
      #expect(!Self.matches(date, text), "\(text)")
    }
  }

  @Test func everyDurationWordMatchesTheSchema() throws {
    let duration = try Self.pattern("duration")
    for spelling in PlanDuration.Spelling.allCases {
      #expect(Self.matches(duration, "15" + spelling.text), "\(spelling.text)")
    }
    for text in ["15个工作日内", "3个星期", "1.5个月", "15", "十天", "3 天"] {
      #expect(!Self.matches(duration, text), "\(text)")
    }
  }
}
