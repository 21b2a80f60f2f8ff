import Foundation
import Testing

/// Every file a command reads is safe from its `-o`: the two plans `diff` compares, the plan `history`
/// reads from git and a `--rules` file, as well as the plan and its includes. And a ledger of a plan
/// whose names hold control characters is still a workbook that opens.
@Suite struct InputFilesAreNeverOutputsTests {
  let plan = """
    plan: 输入文件
    start: 2024-01-01
    owners: [{ id: u1, name: 财政局 }]
    owner: u1
    tasks:
      - { id: a, name: 甲, duration: 1d, deadline: 2024-01-05 }

    """
  let rules = """
    warnings:
      - { name: 红, color: red, overdue: 1 }
      - { name: 绿, color: green }

    """

  @Test func diffRefusesToWriteOverEitherPlan() throws {
    let scratch = try HostileInputTests.Scratch()
    let old = try scratch.write("old.yaml", plan)
    let new = try scratch.write("new.yaml", plan.replacingOccurrences(of: "duration: 1d", with: "duration: 3d"))
    for target in [old, new] {
      let run = try CommandRunner.run(["diff", old, new, "--as-of", "2024-02-01", "-o", target])
      #expect(run.status == 64, "\(run.stderr)")
      #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("plan: 输入文件"))
    }
  }

  @Test func aRulesFileIsAnInputToo() throws {
    let scratch = try HostileInputTests.Scratch()
    let path = try scratch.write("p.yaml", plan)
    let rulesPath = try scratch.write("w.yaml", rules)
    for command in [["schedule"], ["overdue"], ["ledger"]] {
      let run = try CommandRunner.run(command + [path, "--as-of", "2024-02-01", "--rules", rulesPath, "-o", rulesPath])
      #expect(run.status == 64, "\(command): \(run.stderr)")
      #expect(try String(contentsOfFile: rulesPath, encoding: .utf8) == rules)
    }
  }

  @Test func controlCharactersInTheTitleAndUnitNamesStillMakeAWorkbookThatParses() throws {
    let scratch = try HostileInputTests.Scratch()
    let text = plan.replacingOccurrences(of: "plan: 输入文件", with: "plan: \"进度\\x01台账\\e\"")
      .replacingOccurrences(of: "name: 财政局", with: "name: \"财政局\\x02\"")
    let path = try scratch.write("e.yaml", text)
    let output = scratch.url.appendingPathComponent("e.xlsx").path
    let run = try CommandRunner.run(["ledger", path, "--as-of", "2024-02-01", "-o", output])
    #expect(run.status == 0, "\(run.stderr)")
    // Every XML part of the workbook must parse (expat, as the spreadsheet programs' readers do).
    let check = """
      import sys, zipfile, xml.dom.minidom
      z = zipfile.ZipFile(sys.argv[1])
      for name in z.namelist():
          if name.endswith('.xml') or name.endswith('.rels'):
              xml.dom.minidom.parseString(z.read(name))
      print('ok')
      """
    let script = try scratch.write("check.py", check)
    let python = Process()
    python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    python.arguments = ["python3", script, output]
    let pipe = Pipe()
    python.standardOutput = pipe
    python.standardError = pipe
    try python.run()
    python.waitUntilExit()
    let said = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(python.terminationStatus == 0 && said.hasPrefix("ok"), "\(said)")
  }
}
