import Foundation
import Testing

/// Where `-o` writes (issue 13, D1, D2, D11) and the chart options that reach SVG (D9, D10): devices and
/// FIFOs written in place, `-` for stdout, the plan's own files refused, a replaced file's mode kept.
@Suite(.serialized) struct OutputFileTests {
  /// A scratch folder holding a two-file plan, removed afterwards.
  final class Scratch {
    let url: URL
    var plan: String { url.appendingPathComponent("p.yaml").path }
    var include: String { url.appendingPathComponent("sub/inc.yaml").path }
    init() throws {
      url = FileManager.default.temporaryDirectory.appendingPathComponent("plangraph-out-\(UUID().uuidString)")
      try FileManager.default.createDirectory(
        at: url.appendingPathComponent("sub"), withIntermediateDirectories: true)
      let root = """
        plan: 测试
        start: 2017-09-01
        owner: org
        owners:
          - { id: org, name: 组织 }
        include: [sub/inc.yaml]
        tasks:
          - { id: a, name: 'x\\N\\G\\L\\E y', duration: 5d }

        """
      try Data(root.utf8).write(to: URL(fileURLWithPath: plan))
      try Data("id: inc\ntasks:\n  - { id: b, name: B, duration: 2d }\n".utf8).write(to: URL(fileURLWithPath: include))
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
  }

  static func mode(_ path: String) throws -> Int {
    try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
  }

  // The tests never name the machine's own /dev entries: run as root, a regression would replace them
  // (the old code replaced /dev/null and /dev/stdout). They use a device node and links of their own.

  @Test func aDeviceIsWrittenNotReplaced() throws {
    let scratch = try Scratch()
    let device = scratch.path("null")
    // A private null device: mknod needs root (CAP_MKNOD); without it the FIFO test covers the path.
    let made = try CommandRunner.runShell("mknod \(device) c 1 3 && echo made")
    guard made.contains("made") else { return }
    let run = try CommandRunner.run(["schedule", scratch.plan, "--format", "csv", "-o", device])
    #expect(run.status == 0)
    let type = try FileManager.default.attributesOfItem(atPath: device)[.type] as? FileAttributeType
    #expect(type == .typeCharacterSpecial)
  }

  @Test func dashAndDescriptorLinksAreStandardOutput() throws {
    let scratch = try Scratch()
    let link = scratch.path("stdout")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/proc/self/fd/1")
    for target in ["-", "/proc/self/fd/1", link] {
      let run = try CommandRunner.run(["schedule", scratch.plan, "--format", "csv", "-o", target])
      #expect(run.status == 0, "\(target)")
      #expect(run.stdout.contains("id,name,owner"), "\(target)")
    }
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "/proc/self/fd/1")
    #expect(!FileManager.default.fileExists(atPath: CommandRunner.packageRoot.appendingPathComponent("-").path))
  }

  @Test func aFIFOIsWrittenInPlace() throws {
    let scratch = try Scratch()
    let fifo = scratch.path("out.fifo")
    let binary = try #require(CommandRunner.executable).path
    let printed = try CommandRunner.runShell(
      "mkfifo \(fifo) && (timeout 20 cat \(fifo) > \(scratch.path("got.csv")) 2>/dev/null &) && timeout 20 \(binary) schedule \(scratch.plan) --format csv -o \(fifo); echo status=$?; sleep 0.2; test -p \(fifo) && echo still-a-fifo"
    )
    #expect(printed.contains("status=0") && printed.contains("still-a-fifo"), "\(printed)")
    let got = try String(contentsOfFile: scratch.path("got.csv"), encoding: .utf8)
    #expect(got.contains("id,name,owner"))
  }

  @Test func thePlanAndItsIncludesAreNeverOverwritten() throws {
    let scratch = try Scratch()
    try FileManager.default.createSymbolicLink(atPath: scratch.path("link.yaml"), withDestinationPath: scratch.plan)
    let before = try Data(contentsOf: URL(fileURLWithPath: scratch.plan))
    let includeBefore = try Data(contentsOf: URL(fileURLWithPath: scratch.include))
    for target in [
      scratch.plan, scratch.path("sub/../p.yaml"), scratch.path("link.yaml"), scratch.include,
      scratch.path("./sub/inc.yaml"),
    ] {
      let run = try CommandRunner.run(["schedule", scratch.plan, "--format", "csv", "-o", target])
      #expect(run.status == 64, "\(target)")
      #expect(run.stderr.contains("refusing to write over"), "\(run.stderr)")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.plan)) == before)
    #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.include)) == includeBefore)
    let render = try CommandRunner.run(["render", scratch.plan, "-o", scratch.include, "--format", "dot"])
    #expect(render.status == 64)
    #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.include)) == includeBefore)
  }

  @Test func aReplacedFileKeepsItsModeAndAReadOnlyOneIsRefused() throws {
    let scratch = try Scratch()
    let secret = scratch.path("secret.csv")
    try Data("old".utf8).write(to: URL(fileURLWithPath: secret))
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: secret)
    #expect(try CommandRunner.run(["schedule", scratch.plan, "--format", "csv", "-o", secret]).status == 0)
    #expect(try Self.mode(secret) == 0o600)
    #expect(try String(contentsOfFile: secret, encoding: .utf8).contains("id,name"))

    let locked = scratch.path("locked.csv")
    try Data("keep".utf8).write(to: URL(fileURLWithPath: locked))
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: locked)
    let run = try CommandRunner.run(["schedule", scratch.plan, "--format", "csv", "-o", locked])
    #expect(run.status == 1)
    #expect(run.stderr.contains("read-only"))
    #expect(try String(contentsOfFile: locked, encoding: .utf8) == "keep")
    #expect(try Self.mode(locked) == 0o444)
  }

  @Test func aLinkToARegularFileStaysALinkAndHardLinksKeepTheOldContent() throws {
    let scratch = try Scratch()
    let target = scratch.path("real.csv")
    try Data("old".utf8).write(to: URL(fileURLWithPath: target))
    try FileManager.default.createSymbolicLink(atPath: scratch.path("soft.csv"), withDestinationPath: target)
    try FileManager.default.linkItem(atPath: target, toPath: scratch.path("hard.csv"))
    #expect(
      try CommandRunner.run(["schedule", scratch.plan, "--format", "csv", "-o", scratch.path("soft.csv")]).status == 0)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: scratch.path("soft.csv")) == target)
    #expect(try String(contentsOfFile: target, encoding: .utf8).contains("id,name"))
    // Documented: the replacement is a new file, so another hard link keeps what it held.
    #expect(try String(contentsOfFile: scratch.path("hard.csv"), encoding: .utf8) == "old")
  }

  @Test func aFontThatIsNotAFamilyNameIsRefused() throws {
    let scratch = try Scratch()
    let svg = scratch.path("g.svg")
    let run = try CommandRunner.run([
      "render", scratch.plan, "-o", svg, "--font", "x\"/><script>alert(1)</script><text a=\"",
    ])
    #expect(run.status == 64)
    #expect(run.stderr.contains("--font takes a font family name"))
    #expect(!FileManager.default.fileExists(atPath: svg))
    #expect(try CommandRunner.run(["render", scratch.plan, "-o", svg, "--font", "思源黑体 CN-Bold_2"]).status == 0)
  }

  @Test func tooltipsShowGraphvizEscapesAsWritten() throws {
    let scratch = try Scratch()
    let svg = scratch.path("g.svg")
    #expect(try CommandRunner.run(["render", scratch.plan, "-o", svg, "--chart", "graph"]).status == 0)
    let text = try String(contentsOfFile: svg, encoding: .utf8)
    #expect(text.contains("xlink:title=\"a&#10;x\\N\\G\\L\\E y\""))
  }
}
