import Foundation
import Testing

@testable import PlanGraph

/// Every key the loader accepts is documented in the Chinese manual's format reference, as a heading
/// or as the first cell of a table row, so that a planner can look up any key a plan may hold.
@Suite struct ManualKeyTests {
  static let manual = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("docs/zh/plan-format.md")

  /// The keys the loader reads, by the mapping they belong to.
  static let keys: [(String, [String])] = [
    ("file", FileKey.allCases.map(\.rawValue)),
    ("task", TaskKey.allCases.map(\.rawValue)),
    ("owner", OwnerKey.allCases.map(\.rawValue)),
    ("target", TargetKey.allCases.map(\.rawValue)),
    ("measurement", MeasurementKey.allCases.map(\.rawValue)),
    // The keys of a `warnings:` level, as `WarningRulesParser` reads them.
    ("warning level", ["name", "color", "overdue", "due-within", "behind", "at-risk"]),
  ]

  /// The keys the manual documents: `` `key` `` in a heading, or as the first cell of a table row.
  static func documentedKeys(in text: String) -> Set<String> {
    var keys = Set<String>()
    for line in text.split(separator: "\n") {
      let place: Substring
      if line.hasPrefix("#") {
        place = line
      } else if line.hasPrefix("|") {
        place = line.dropFirst().prefix { $0 != "|" }
      } else {
        continue
      }
      var rest = place[...]
      while let open = rest.firstIndex(of: "`") {
        let after = rest[rest.index(after: open)...]
        guard let close = after.firstIndex(of: "`") else { break }
        keys.insert(String(after[..<close]))
        rest = after[after.index(after: close)...]
      }
    }
    return keys
  }

  @Test func everyKeyTheLoaderAcceptsIsInTheChineseReference() throws {
    let text = try String(contentsOf: Self.manual, encoding: .utf8)
    let documented = Self.documentedKeys(in: text)
    for (mapping, keys) in Self.keys {
      for key in keys {
        #expect(documented.contains(key), "the \(mapping) key '\(key)' is missing from docs/zh/plan-format.md")
      }
    }
  }

  @Test func theCheckCanFail() {
    // A key named only in running text is not documented: the check must see the difference.
    let documented = Self.documentedKeys(in: "## `plan`\n| `start` | 日期 |\n正文里的 `tasks` 不算。\n| 值 | `owner` |")
    #expect(documented == ["plan", "start"])
  }

  @Test func everyDiagnosticCodeIsInTheChineseReference() throws {
    let text = try String(contentsOf: Self.manual, encoding: .utf8)
    let documented = Self.documentedKeys(in: text)
    for code in DiagnosticCode.allCases {
      #expect(documented.contains(code.rawValue), "the code '\(code.rawValue)' is missing from docs/zh/plan-format.md")
    }
  }

  @Test func theManualNeverPointsOutsideTheRepository() throws {
    let folder = Self.manual.deletingLastPathComponent()
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".md") {
      let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      #expect(!text.contains("shared/"), "docs/zh/\(name) mentions shared/")
    }
  }
}
