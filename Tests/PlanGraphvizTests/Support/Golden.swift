import Foundation
import Testing

/// Golden files beside the tests: text outputs compared whole, re-recorded with `PLANGRAPH_RECORD=1`.
enum Golden {
  /// The folder holding the golden files.
  static let folder = TestPlans.folder.appendingPathComponent("Golden")

  /// Whether this run records golden files instead of comparing with them.
  static var recording: Bool { ProcessInfo.processInfo.environment["PLANGRAPH_RECORD"] == "1" }

  /// Compares `text` with the golden file `name`, or records it.
  static func check(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = folder.appendingPathComponent(name)
    if recording {
      try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try? text.write(to: url, atomically: true, encoding: .utf8)
      return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      Issue.record("no golden file \(name); run with PLANGRAPH_RECORD=1 to record it", sourceLocation: sourceLocation)
      return
    }
    guard text != expected else { return }
    let got = text.split(separator: "\n", omittingEmptySubsequences: false)
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let line = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
    let gotLine = line < got.count ? String(got[line]) : "<end>"
    let wantLine = line < want.count ? String(want[line]) : "<end>"
    Issue.record(
      "\(name) differs at line \(line + 1):\n  got:  \(gotLine.prefix(300))\n  want: \(wantLine.prefix(300))",
      sourceLocation: sourceLocation)
  }
}
