import Foundation

@testable import PlanGraph

/// Helpers for the fast path's invariant: whenever `FastPlanReader` returns a plan, the full loader
/// returns the same plan (places included) and no diagnostic.
enum FastPathSupport {
  /// The full loader's result for one file, the fast path switched off.
  static func full(_ bytes: [UInt8], path: String = "plan.json") -> PlanLoadResult {
    var loader = PlanLoader(fileSystem: MemoryFileSystem(files: [path: bytes]))
    loader.usesFastPath = false
    return loader.load(path: path)
  }

  /// A problem with the invariant for `bytes`, or nil; `accepted` tells whether the fast path took it.
  /// A YAML text is cut for two threads as `split` says.
  static func violation(
    _ bytes: [UInt8], path: String = "plan.json", split: FastYAMLReader.Split = .automatic
  ) -> (problem: String?, accepted: Bool) {
    guard let fast = FastPlanReader.read(bytes, path: path, split: split) else { return (nil, false) }
    let full = full(bytes, path: path)
    guard full.diagnostics.isEmpty else {
      return ("fast path accepted a plan the full loader reports: \(full.diagnostics[0])", true)
    }
    guard let plan = full.plan else { return ("the full loader gave no plan", true) }
    guard plan == fast else { return (difference(plan, fast), true) }
    return (nil, true)
  }

  /// The invariant for a YAML text cut for two threads at the line starting at `offset` (of the text
  /// after any byte-order mark): the fast path's plan equals the full loader's (or it declines), and
  /// equals its one-thread reading (or both decline). `taken` tells whether both halves proved the cut.
  static func splitViolation(_ bytes: [UInt8], at offset: Int) -> (problem: String?, accepted: Bool, taken: Bool) {
    let (problem, accepted) = violation(bytes, path: "plan.yaml", split: .line(offset))
    let split = FastPlanReader.read(bytes, path: "plan.yaml", split: .line(offset))
    let one = FastPlanReader.read(bytes, path: "plan.yaml", split: .never)
    let textStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let taken = bytes.withUnsafeBufferPointer { buffer in
      let text = UnsafeBufferPointer(rebasing: buffer[textStart...])
      guard let cut = FastYAMLSplit.cut(in: text, at: offset) else { return false }
      return FastYAMLReader.readInTwo(text, at: cut, file: 0) != nil
    }
    if let problem { return (problem, accepted, taken) }
    guard split == one else {
      return (
        "the split reading differs from the one-thread reading (\(split != nil) vs \(one != nil))", accepted, taken
      )
    }
    return (nil, accepted, taken)
  }

  /// The byte offsets (of the text after any byte-order mark) of the lines that start with spaces and
  /// `- `, the places a cut may be tried, with the column of the `-`.
  static func itemLines(_ bytes: [UInt8]) -> [(offset: Int, column: Int)] {
    let text = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes[3...]) : bytes
    var found: [(Int, Int)] = []
    var start = 0
    while start < text.count {
      var k = start
      while k < text.count, text[k] == UInt8(ascii: " ") { k += 1 }
      if start > 0, k + 1 < text.count, text[k] == UInt8(ascii: "-"), text[k + 1] == UInt8(ascii: " ") {
        found.append((start, k - start))
      }
      guard let end = text[start...].firstIndex(of: UInt8(ascii: "\n")) else { break }
      start = end + 1
    }
    return found
  }

  /// The first difference between two plans, said briefly.
  static func difference(_ full: Plan, _ fast: Plan) -> String {
    if full.title != fast.title || full.start != fast.start { return "title or start differ" }
    if full.owners != fast.owners { return "owners differ: \(full.owners) vs \(fast.owners)" }
    if full.tasks.count != fast.tasks.count { return "\(full.tasks.count) tasks vs \(fast.tasks.count)" }
    for (a, b) in zip(full.tasks, fast.tasks) where a != b { return "task differs:\n full \(a)\n fast \(b)" }
    return "plans differ: \(full.files) vs \(fast.files)"
  }

  /// How a YAML document is written as JSON: indentation, line ends, escapes, a byte-order mark.
  struct JSONStyle {
    var indent = "  "
    var newline = "\n"
    var spaceAfterColon = true
    var escapeNonASCII = false
    var byteOrderMark = false
    /// Writes scalars that look like numbers or booleans bare instead of as strings.
    var bareNumbers = false
  }

  /// The YAML text as JSON in `style`, from libyaml's events (aliases expanded); nil when the YAML does
  /// not read. Every non-null scalar becomes a string, a null scalar `null`.
  static func json(fromYAML bytes: [UInt8], style: JSONStyle = JSONStyle()) -> [UInt8]? {
    var reader = AliasExpander(LibYAMLEventReader(bytes: bytes))
    var out = style.byteOrderMark ? "\u{FEFF}" : ""
    // Per open collection: whether it is a mapping, and how many entries it has so far.
    var open: [(mapping: Bool, count: Int)] = []
    var expectingValue = false
    func newline() {
      out += style.newline + String(repeating: style.indent, count: open.count)
    }
    func beforeNode() {
      if expectingValue {
        expectingValue = false
        return
      }
      guard !open.isEmpty else { return }
      if open[open.count - 1].count > 0 { out += "," }
      open[open.count - 1].count += 1
      newline()
    }
    func afterKeyOrValue(isKey: Bool) {
      if isKey {
        out += style.spaceAfterColon ? ": " : ":"
        expectingValue = true
      }
    }
    func quoted(_ text: String) -> String {
      var s = "\""
      for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": s += "\\\""
        case "\\": s += "\\\\"
        case "\n": s += "\\n"
        case "\t": s += "\\t"
        case "\r": s += "\\r"
        default:
          if scalar.value < 0x20 || (style.escapeNonASCII && scalar.value > 0x7E) {
            if scalar.value > 0xFFFF {
              let v = scalar.value - 0x10000
              s += String(format: "\\u%04x\\u%04x", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF))
            } else {
              s += String(format: "\\u%04x", scalar.value)
            }
          } else {
            s.unicodeScalars.append(scalar)
          }
        }
      }
      return s + "\""
    }
    do {
      while true {
        let event = try reader.next()
        let isKey = !expectingValue && (open.last?.mapping ?? false)
        switch event.kind {
        case .streamStart, .documentStart, .documentEnd, .alias: continue
        case .streamEnd:
          return Array((out + style.newline).utf8)
        case .mappingStart, .sequenceStart:
          beforeNode()
          out += event.kind == .mappingStart ? "{" : "["
          open.append((event.kind == .mappingStart, 0))
        case .mappingEnd, .sequenceEnd:
          let closed = open.removeLast()
          if closed.count > 0 { newline() }
          out += closed.mapping ? "}" : "]"
        case .scalar:
          beforeNode()
          if event.isPlain && event.isNull && !isKey {
            out += "null"
          } else if style.bareNumbers && event.isPlain && !isKey && isNumber(event.text) {
            out += event.text
          } else {
            out += quoted(event.text)
          }
          afterKeyOrValue(isKey: isKey)
        }
      }
    } catch {
      return nil
    }
  }

  private static func isNumber(_ text: String) -> Bool {
    !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-" || $0 == ".") }
      && text.first?.isNumber == true && (text == "0" || !text.hasPrefix("0"))
      && !text.hasSuffix(".") && text.filter({ $0 == "." }).count <= 1 && !text.contains("-")
  }

  /// Every YAML plan file in the repository: fixtures, examples and the bundled plans.
  static func yamlFiles() -> [URL] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    var found: [URL] = []
    for folder in ["Tests", "examples", "plans", "docs"] {
      guard
        let walker = FileManager.default.enumerator(
          at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
      else { continue }
      for case let url as URL in walker where url.pathExtension == "yaml" || url.pathExtension == "yml" {
        found.append(url)
      }
    }
    return found.sorted { $0.path < $1.path }
  }

  /// Every JSON plan file among the test fixtures.
  static func jsonFixtures() -> [URL] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
    return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }
  }
}
