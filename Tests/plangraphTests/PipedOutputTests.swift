import Foundation
import Testing

/// Text that is not going to a terminal is never cut; `--width` cuts it explicitly.
@Suite struct PipedOutputTests {
  static let plan = "plans/chengqu-2017/plan.yaml"

  @Test(arguments: ["overdue", "schedule", "critical"])
  func pipedTablesKeepFullNamesAndIDs(_ command: String) throws {
    // The runner's stdout is a pipe and COLUMNS is 80: neither cuts the text.
    let date = command == "critical" ? [] : ["--as-of", "2018-01-15"]
    let piped = try CommandRunner.run([command, Self.plan, "--lang", "zh"] + date)
    #expect(!piped.stdout.isEmpty && !piped.stdout.contains("…"), "\(piped.stdout.prefix(2000)) \(piped.stderr)")
    let longName = "完善机关部门设置（改革后团区委共设办公室、组织学校部、宣传部、青年发展部4个部）"
    #expect(piped.stdout.contains(command == "critical" ? "league.measures.members" : longName))
    let cut = try CommandRunner.run([command, Self.plan, "--lang", "zh", "--width", "80"] + date)
    #expect(cut.stdout.contains("…"))
  }
}
