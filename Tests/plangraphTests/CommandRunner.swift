import Foundation
import Testing

/// Runs the built `plangraph` binary as a user would: argv in, stdout, stderr and exit status out.
struct CommandRunner {
  /// The package's root folder.
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The `plangraph` executable built beside the test bundle.
  static let executable: URL? = {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("plangraph")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    let fallback = packageRoot.appendingPathComponent(".build/debug/plangraph")
    return FileManager.default.isExecutableFile(atPath: fallback.path) ? fallback : nil
  }()

  /// What a run printed and returned.
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutBytes: Data
  }

  /// Runs `plangraph arguments…` in the package root with a fixed environment (no colour, English, 80 columns).
  static func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Result {
    let binary = try #require(executable, "build the plangraph product first")
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = packageRoot
    var environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "COLUMNS": "80", "TZ": "UTC"]
    for (key, value) in extra { environment[key] = value }
    process.environment = environment
    // stderr goes to a file and stdout is read to its end before waiting, so no pipe can fill and block.
    let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("plangraph-stderr-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)  // failing, FileHandle throws below
    defer { try? FileManager.default.removeItem(at: errURL) }
    let errHandle = try FileHandle(forWritingTo: errURL)
    let out = Pipe()
    process.standardOutput = out
    process.standardError = errHandle
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try errHandle.close()
    let errData = (try? Data(contentsOf: errURL)) ?? Data()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: outData)
  }
}

/// Golden files beside the tests; `PLANGRAPH_RECORD=1` rewrites them from the current output.
enum Golden {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

  /// Checks `actual` against the golden file `name`, or records it.
  static func check(_ actual: Data, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = folder.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["PLANGRAPH_RECORD"] == "1" {
      // Recording never passes silently: a file that changed fails the run, to be reviewed and rerun.
      guard (try? Data(contentsOf: url)) != actual else { return }
      try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try? actual.write(to: url)
      Issue.record(
        "recorded \(name); review its diff, then run again without PLANGRAPH_RECORD", sourceLocation: sourceLocation)
      return
    }
    guard let expected = try? Data(contentsOf: url) else {
      Issue.record("no golden file \(name); run with PLANGRAPH_RECORD=1 to record it", sourceLocation: sourceLocation)
      return
    }
    if expected != actual {
      let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
      let a = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
      let line = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
      let expectedLine = line < e.count ? String(e[line]) : "<end>"
      let actualLine = line < a.count ? String(a[line]) : "<end>"
      Issue.record(
        "\(name) differs at line \(line + 1):\n  expected: \(expectedLine)\n  actual:   \(actualLine)",
        sourceLocation: sourceLocation)
    }
  }
}
