import Foundation
import Testing

/// The progress commands against the file system: many at once on one file, and files reached through
/// symbolic links.
@Suite struct ProgressFileSafetyTests {
  static func write(_ text: String, _ path: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }

  static func temporaryFolder() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plangraph-safety-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.path
  }

  /// Leaves of the union's file of the Chengqu plan, by their ids below `union.measures`.
  static let unionLeaves = [
    "part-a.new-media", "part-a.social-orgs.liaison", "part-a.social-orgs.organise", "part-a.social-orgs.services",
    "part-a.mass-line.rights-mechanism", "part-a.mass-line.friends.six-fives",
    "part-a.mass-line.friends.assessment", "part-a.mass-line.worker-centred.needs-survey",
    "part-a.mass-line.worker-centred.feedback", "part-a.mass-line.worker-centred.participation",
    "part-a.mass-line.worker-centred.volunteers", "part-a.mass-line.activities.guidance-evaluation",
    "part-a.mass-line.activities.flexible-hours", "part-a.mass-line.activities.menu-services",
    "part-a.mass-line.activities.service-centre", "part-a.mass-line.activities.workers-home",
    "part-a.mass-line.evaluation.model-homes", "part-a.mass-line.evaluation.appraisal",
    "part-a.mass-line.evaluation.openness", "mechanism.rights.basic-rights", "mechanism.rights.legal",
    "mechanism.rights.democracy", "mechanism.rights.assistance", "mechanism.rights.seasonal-help",
    "mechanism.achievements.brands.contests", "mechanism.achievements.brands.union-brands",
    "mechanism.achievements.brands.model-workers", "mechanism.achievements.skills.training",
    "mechanism.achievements.skills.culture", "mechanism.migrant-workers.membership",
    "mechanism.migrant-workers.campaign", "mechanism.migrant-workers.linkage", "safeguards.party-group.reporting",
    "safeguards.party-group.attendance", "safeguards.party-group.accountability",
    "safeguards.party-group.integrity", "safeguards.dual-leadership.co-management",
    "safeguards.dual-leadership.hearings", "safeguards.conduct", "safeguards.funding.subsidies",
  ]

  /// Forty `progress` commands on forty tasks of one file, started together (twice, on fresh copies,
  /// as losing an edit needs two of them to overlap): each that says it recorded its edit (exit 0)
  /// finds its edit in the final file; the others refused (exit 1) and the plan still loads.
  @Test func concurrentCommandsNeverLoseAnEditTheyReported() throws {
    let binary = try #require(CommandRunner.executable, "build the plangraph product first")
    for _ in 0..<2 {
      let plan = try ProgressCommandTests.copyOfChengqu()
      let folder = URL(fileURLWithPath: plan).deletingLastPathComponent().path
      defer { try? FileManager.default.removeItem(atPath: folder) }
      let union = folder + "/union.yaml"
      let before = try ProgressCommandTests.read(union)
      for i in Self.unionLeaves.indices { #expect(!before.contains("progress: \(51 + i)%")) }
      let processes = try Self.unionLeaves.enumerated().map { i, task -> Process in
        let process = Process()
        process.executableURL = binary
        process.arguments = ["progress", plan, "union.measures." + task, "\(51 + i)%"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
      }
      for process in processes { process.waitUntilExit() }
      let after = try ProgressCommandTests.read(union)
      var recorded = 0
      for (i, process) in processes.enumerated() {
        #expect(process.terminationStatus == 0 || process.terminationStatus == 1)
        if process.terminationStatus == 0 {
          recorded += 1
          #expect(after.contains("progress: \(51 + i)%"), "\(Self.unionLeaves[i]) reported recorded; its edit is gone")
        }
      }
      #expect(recorded >= 1)
      let check = try CommandRunner.run(["check", plan])
      #expect(check.status == 0, "\(check.stderr)")
    }
  }

  /// An include that is a symbolic link stays a link; the edit lands in the file it points to.
  @Test func anIncludedLinkStaysALink() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder + "/inc", withIntermediateDirectories: true)
    try Self.write(
      "plan: p\nstart: 2018-01-01\nowner: a\nowners: [{id: a, name: A}]\ninclude: [link.yaml]\n", folder + "/plan.yaml")
    try Self.write("id: inc\ntasks:\n  - id: t\n    name: T\n    duration: 3d\n", folder + "/inc/real.yaml")
    try FileManager.default.createSymbolicLink(atPath: folder + "/link.yaml", withDestinationPath: "inc/real.yaml")
    let result = try CommandRunner.run(["progress", folder + "/plan.yaml", "t", "40%"])
    #expect(result.status == 0, "\(result.stderr)")
    let kind = try FileManager.default.attributesOfItem(atPath: folder + "/link.yaml")[.type] as? FileAttributeType
    #expect(kind == .typeSymbolicLink)
    #expect(try ProgressCommandTests.read(folder + "/inc/real.yaml").contains("    progress: 40%\n"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["inc", "link.yaml", "plan.yaml"])
  }

  /// A root plan file that is a symbolic link stays a link too.
  @Test func aLinkedRootStaysALink() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.createDirectory(atPath: folder + "/real", withIntermediateDirectories: true)
    try Self.write(
      "plan: p\nstart: 2018-01-01\nowner: a\nowners: [{id: a, name: A}]\ntasks:\n  - id: t\n    name: T\n    duration: 3d\n",
      folder + "/real/plan.yaml")
    try FileManager.default.createSymbolicLink(atPath: folder + "/plan.yaml", withDestinationPath: "real/plan.yaml")
    let result = try CommandRunner.run(["progress", folder + "/plan.yaml", "t", "40%"])
    #expect(result.status == 0, "\(result.stderr)")
    let kind = try FileManager.default.attributesOfItem(atPath: folder + "/plan.yaml")[.type] as? FileAttributeType
    #expect(kind == .typeSymbolicLink)
    #expect(try ProgressCommandTests.read(folder + "/real/plan.yaml").contains("    progress: 40%\n"))
  }
}
