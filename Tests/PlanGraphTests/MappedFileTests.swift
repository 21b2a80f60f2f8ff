import Foundation
import Synchronization
import Testing

@testable import PlanGraph

/// A large JSON plan on the disk is mapped, given back as it is read and unmapped before assembly
/// (`MappedFile`): the plan, the diagnostics when the fast path declines, and the stages are the same
/// as reading it.
@Suite struct MappedFileTests {
  /// A generated JSON plan just over the size the loader maps from, written to a fresh file.
  private static func largePlan() throws -> (path: String, bytes: [UInt8]) {
    let bytes = PlanGenerator(taskCount: 12_000, seed: 5, format: .json).generate()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mapped-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("plan.json").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return (path, bytes)
  }

  @Test func aMappedPlanIsTheSamePlanInTheSameStages() throws {
    let (path, bytes) = try Self.largePlan()
    defer { try? FileManager.default.removeItem(atPath: PlanPath.directory(of: path)) }
    #expect(bytes.count >= FastPlanReader.mappedMinimumSize, "the plan must be large enough to be mapped")
    #expect(MappedFile(path: path, minimumSize: FastPlanReader.mappedMinimumSize) != nil)
    let seen = Mutex<[PlanStage]>([])
    let observer = StageObserver { stage in seen.withLock { $0.append(stage) } }
    let loaded = PlanLoader(observer: observer).load(path: path)
    let full = FastPathSupport.full(bytes, path: path)
    let plan = try #require(loaded.plan)
    #expect(loaded.diagnostics.isEmpty && full.diagnostics.isEmpty)
    #expect(plan == full.plan)
    // The mapped path ends each stage once, as reading does.
    #expect(seen.withLock { $0 } == [.read, .parse, .ids, .references, .graph])
  }

  @Test func aMappedPlanTheFastPathDeclinesIsReadAndReportedAsAnyOther() throws {
    var (path, bytes) = try Self.largePlan()
    defer { try? FileManager.default.removeItem(atPath: PlanPath.directory(of: path)) }
    // A misspelt key near the end: the scan has given back most of the file when it declines.
    let key = Array("\"name\"".utf8)
    let at = try #require((0...(bytes.count - key.count)).last { Array(bytes[$0..<$0 + key.count]) == key })
    bytes.replaceSubrange(at..<at + key.count, with: Array("\"nmae\"".utf8))
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let loaded = PlanLoader().load(path: path)
    let full = FastPathSupport.full(bytes, path: path)
    #expect(loaded.plan == nil && full.plan == nil)
    #expect(!loaded.diagnostics.isEmpty)
    #expect(loaded.diagnostics == full.diagnostics)
  }

  @Test func pagesGivenBackReadTheSameAndSmallOrOddFilesAreNotMapped() throws {
    let (path, bytes) = try Self.largePlan()
    let folder = PlanPath.directory(of: path)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let mapped = try #require(MappedFile(path: path, minimumSize: 1))
    mapped.release(upTo: bytes.count / 2)
    // Read again, a page given back is the file's again (a private read-only mapping).
    #expect(Array(mapped.bytes) == bytes)
    mapped.unmap()
    #expect(MappedFile(path: path, minimumSize: bytes.count + 1) == nil)
    #expect(MappedFile(path: folder, minimumSize: 1) == nil)
    #expect(MappedFile(path: folder + "/missing.json", minimumSize: 1) == nil)
  }
}
