import Foundation
import Testing

/// Streamed output from the command line (issue 18, item 3): a pipe closed early ends the command
/// quietly, and `-o` that fails midway leaves neither the file nor a temporary one behind.
@Suite(.serialized) struct StreamedOutputCommandTests {
  /// A scratch folder with a generated plan whose reports are megabytes: larger than a pipe's buffer
  /// and than the writer's buffer.
  final class Scratch {
    let path: String
    var plan: String { path + "/plan.json" }
    init() throws {
      path =
        FileManager.default.temporaryDirectory.appendingPathComponent("plangraph-streamed-\(UUID().uuidString)").path
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
      let made = try CommandRunner.run(["generate", "--tasks", "20000", "--seed", "5", "--format", "json", "-o", plan])
      #expect(made.status == 0, "\(made.stderr)")
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    var entries: [String] { (try? FileManager.default.contentsOfDirectory(atPath: path).sorted()) ?? [] }
  }

  /// Runs a bash line; its stdout and stderr together.
  func bash(_ line: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", line]
    process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "COLUMNS": "80"]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  @Test(arguments: [
    ["schedule", "--format", "json"], ["schedule", "--format", "table"], ["overdue", "--format", "csv"],
    ["export", "--format", "json"],
  ])
  func aClosedPipeEndsQuietly(_ arguments: [String]) throws {
    let scratch = try Scratch()
    let binary = try #require(CommandRunner.executable).path
    let command =
      "'\(binary)' \(arguments[0]) '\(scratch.plan)' \(arguments.dropFirst().joined(separator: " ")) --as-of 2021-06-01"
    let err = scratch.path + "/err.txt"
    // As a shell runs it, SIGPIPE ends the command (status 141, nothing said); with SIGPIPE ignored, as
    // some parents leave it, the write fails with EPIPE and the command still says nothing.
    for trap in ["", "trap '' PIPE; "] {
      let out = try bash(
        "\(trap)\(command) 2>'\(err)' | head -c 1000 > /dev/null; echo \"status ${PIPESTATUS[0]}\"; cat '\(err)'"
      )
      let status = out.split(separator: "\n").first.map(String.init) ?? out
      #expect(["status 0", "status 1", "status 141"].contains(status), "\(trap)\(out)")
      #expect(out.split(separator: "\n").count == 1, "stderr was not empty: \(out)")
    }
  }

  @Test(arguments: [["schedule", "--format", "json"], ["overdue", "--format", "md"], ["export", "--format", "ics"]])
  func aWriteThatFailsLeavesNoFile(_ arguments: [String]) throws {
    let scratch = try Scratch()
    let binary = try #require(CommandRunner.executable).path
    let target = scratch.path + "/out"
    // A file-size limit of 64 KiB makes a write fail partway through a report of megabytes (SIGXFSZ
    // ignored, so the write returns EFBIG instead of killing the process).
    let out = try bash(
      "trap '' XFSZ; ulimit -f 64; '\(binary)' \(arguments[0]) '\(scratch.plan)' --as-of 2021-06-01 "
        + "\(arguments.dropFirst().joined(separator: " ")) -o '\(target)'; echo \"status $?\"")
    #expect(out.contains("cannot write '\(target)'") && out.contains("status 1"), "\(out)")
    #expect(scratch.entries == ["plan.json"], "\(scratch.entries)")
    // Without the limit the same command writes the whole file.
    let ok = try bash(
      "'\(binary)' \(arguments[0]) '\(scratch.plan)' --as-of 2021-06-01 \(arguments.dropFirst().joined(separator: " ")) "
        + "-o '\(target)'; echo \"status $?\"")
    #expect(ok.contains("status 0") || ok.contains("status 1"), "\(ok)")
    #expect(scratch.entries == ["out", "plan.json"])
    let size = (try FileManager.default.attributesOfItem(atPath: target)[.size] as? Int) ?? 0
    #expect(size > 64 * 1024)
  }

  /// `-o /dev/stdout >> log` in a cron line appends the report to the log: the descriptor the shell
  /// opened for appending is written through, not the log reopened and truncated.
  @Test(arguments: ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"])
  func outputToOwnDescriptorAppendsToARedirectedLog(_ path: String) throws {
    let scratch = try Scratch()
    let binary = try #require(CommandRunner.executable).path
    let log = scratch.path + "/cron.log"
    let out = try bash(
      "echo 'line one of the log' > '\(log)'; '\(binary)' critical plans/chengqu-2017/plan.yaml --format md "
        + "-o \(path) >> '\(log)'; echo \"status $?\"")
    #expect(out.contains("status 0"), "\(out)")
    let text = try String(contentsOfFile: log, encoding: .utf8)
    #expect(text.hasPrefix("line one of the log\n## "), "\(text.prefix(200))")
  }
}
