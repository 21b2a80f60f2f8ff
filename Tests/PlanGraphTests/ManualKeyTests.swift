import Foundation
import Testing

@testable import PlanGraph

/// Every key the loader accepts is documented in both manuals' format references (Chinese and English),
/// as a heading or as the first cell of a table row, so that a planner can look up any key a plan may
/// hold; and no manual points at files outside the repository.
@Suite struct ManualKeyTests {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let manual = packageRoot.appendingPathComponent("docs/zh/plan-format.md")
  static let englishManual = packageRoot.appendingPathComponent("docs/plan-format.md")

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

  /// Keys the English reference documents beyond the five mappings above: the calendar's and a deadline
  /// extension's.
  static let englishOnlyKeys: [(String, [String])] = [
    ("calendar", CalendarKey.allCases.map(\.rawValue)),
    ("extension", ExtensionKey.allCases.map(\.rawValue)),
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

  @Test func everyKeyTheLoaderAcceptsIsInTheEnglishReference() throws {
    let text = try String(contentsOf: Self.englishManual, encoding: .utf8)
    let documented = Self.documentedKeys(in: text)
    for (mapping, keys) in Self.keys + Self.englishOnlyKeys {
      for key in keys {
        #expect(documented.contains(key), "the \(mapping) key '\(key)' is missing from docs/plan-format.md")
      }
    }
  }

  @Test func everyDiagnosticCodeIsInTheEnglishReference() throws {
    let text = try String(contentsOf: Self.englishManual, encoding: .utf8)
    let documented = Self.documentedKeys(in: text)
    for code in DiagnosticCode.allCases {
      #expect(documented.contains(code.rawValue), "the code '\(code.rawValue)' is missing from docs/plan-format.md")
    }
  }

  /// The Markdown files a reader gets with the repository: the README and everything under `docs/`.
  static func documentationFiles() -> [URL] {
    var files = [packageRoot.appendingPathComponent("README.md")]
    let docs = packageRoot.appendingPathComponent("docs")
    if let walker = FileManager.default.enumerator(at: docs, includingPropertiesForKeys: nil) {
      for case let url as URL in walker where url.pathExtension == "md" { files.append(url) }
    }
    return files
  }

  @Test func theManualsNeverPointOutsideTheRepository() throws {
    let files = Self.documentationFiles()
    #expect(files.count > 5, "the README and the docs are where this test looks")
    #expect(files.contains { $0.path.hasSuffix("docs/zh/plan-format.md") })
    for file in files {
      let text = try String(contentsOf: file, encoding: .utf8)
      let name = file.path.dropFirst(Self.packageRoot.path.count + 1)
      #expect(!text.contains("shared/"), "\(name) mentions shared/, which is not in the repository")
    }
  }
}
