import Foundation
import Synchronization
import Testing

@testable import PlanGraph

/// A large JSON plan on the disk is read into memory of its own, given back as it is scanned and freed before assembly
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

  @Test func pagesGivenBackReadAsZerosAndSmallOrOddFilesAreNotRead() throws {
    let (path, bytes) = try Self.largePlan()
    let folder = PlanPath.directory(of: path)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let mapped = try #require(MappedFile(path: path, minimumSize: 1))
    #expect(Array(mapped.bytes) == bytes)
    mapped.release(0..<bytes.count / 2)
    // The memory is the process's own, not the file's: what was given back is gone.
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let kept = bytes.count / 2 / page * page
    #expect(mapped.bytes[0..<kept].allSatisfy { $0 == 0 })
    #expect(Array(mapped.bytes[kept...]) == Array(bytes[kept...]))
    mapped.unmap()
    #expect(MappedFile(path: path, minimumSize: bytes.count + 1) == nil)
    #expect(MappedFile(path: folder, minimumSize: 1) == nil)
    #expect(MappedFile(path: folder + "/missing.json", minimumSize: 1) == nil)
  }

  /// The scan never reads what it has given back: given back every few pages (what reads as zeros
  /// after), a generated plan and one whose parents have keys after their long lists of children are
  /// still read into exactly the full loader's plan, not declined.
  @Test func theScanNeverLooksBackAtWhatItGaveBack() throws {
    let generated = PlanGenerator(taskCount: 12_000, seed: 9, format: .json).generate()
    var parents = Array("{\"plan\": \"父任务在后\", \"start\": \"2024-01-01\",\n".utf8)
    parents += Array(
      "\"owners\": [{\"id\": \"org\", \"name\": \"单位\", \"units\": [{\"id\": \"u\", \"name\": \"部门\"}]}], \"tasks\": [\n"
        .utf8)
    for group in 0..<40 {
      // (A summary's `after` read after its children is declined: it is written before them here.)
      let after = group == 0 ? "" : "\"after\": [\"g\(group - 1)\"], "
      parents += Array(
        "{\"id\": \"g\(group)\", \"name\": \"第\(group)组\", \(after)\"owner\": \"org.u\", \"tasks\": [\n".utf8)
      for item in 0..<60 {
        let name = String(repeating: "很长的名称", count: 8) + "\(item)"
        let after = item == 0 ? "" : ", \"after\": [\"t\(item - 1)\"]"
        parents += Array(
          "{\"id\": \"t\(item)\", \"name\": \"\(name)\", \"owner\": \"org.u\", \"duration\": \"3d\"\(after)},\n".utf8)
      }
      parents.removeLast(2)
      parents += Array("\n], \"deadline\": \"2024-06-30\", \"note\": \"在子任务之后\"},\n".utf8)
    }
    parents.removeLast(2)
    parents += Array("\n]}\n".utf8)
    for bytes in [generated, parents] {
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent("given-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(at: folder) }
      let path = folder.appendingPathComponent("plan.json").path
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      let full = FastPathSupport.full(bytes, path: path)
      #expect(Array(full.diagnostics.map(\.message).prefix(3)) == [])
      let whole = try #require(MappedFile(path: path, minimumSize: 1))
      #expect(FastPlanReader.readWithoutGraph(mapped: whole, path: path, releaseStep: 1 << 40) != nil)
      let mapped = try #require(MappedFile(path: path, minimumSize: 1))
      let page = Int(sysconf(Int32(_SC_PAGESIZE)))
      var plan = try #require(
        FastPlanReader.readWithoutGraph(mapped: mapped, path: path, releaseStep: 2 * page),
        "the fast path must take the plan")
      #expect(FastPlanReader.finish(&plan))
      #expect(plan == full.plan)
    }
  }

  /// A file from `MappedFile.twoThreadReadMinimum` bytes on is read in two halves at once, cut at a huge
  /// page: every byte lands where it belongs on either side of the cut, just below that size and above it.
  @Test func aFileReadInTwoHalvesHasEveryByteInPlace() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("halves-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var random = SeededRandom(seed: 77)
    let minimum = MappedFile.twoThreadReadMinimum
    for size in [minimum - 1, minimum, minimum + 4_097, 3 * minimum + 12_345] {
      // Bytes that differ from their neighbours and from page to page, so that a half read to the wrong
      // offset, or a page read twice or not at all, shows.
      let bytes = (0..<size).map { _ in UInt8(truncatingIfNeeded: random.next()) }
      let path = folder.appendingPathComponent("file-\(size).json").path
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      let mapped = try #require(MappedFile(path: path, minimumSize: 1))
      #expect(mapped.bytes.count == size)
      #expect(Array(mapped.bytes) == bytes, "\(size) bytes")
    }
  }

  /// Pages the scan has passed move into memory the caller has not written yet (an array's capacity)
  /// instead of being dropped (`MappedFile.release(_:movingInto:)`): whole 2 MiB blocks only, each with
  /// the bytes it held, while the file's side reads as zeros, as dropped pages do, and what is past the
  /// last whole block stays for the next call.
  @Test func pagesPassedMoveWholeIntoSpareMemoryWithTheirBytes() throws {
    #if !canImport(Glibc)
      return
    #endif
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("moved-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var random = SeededRandom(seed: 31)
    let block = 2 << 20
    let bytes = (0..<(5 * block + 12_345)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    let path = folder.appendingPathComponent("file.json").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let mapped = try #require(MappedFile(path: path, minimumSize: 1))
    // Room for two blocks: the third whole block is dropped, not moved.
    let spareSize = 3 * block + 4_096
    let spareBase = try #require(
      mmap(nil, spareSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0).flatMap {
        $0 == MAP_FAILED ? nil : $0
      })
    defer { munmap(spareBase, spareSize) }
    let spare = UnsafeMutableRawBufferPointer(start: spareBase + 4_096 + 100, count: spareSize - 4_096 - 100)
    let end = 4 * block + 777
    let (moved, through) = mapped.release(1_000..<end, movingInto: spare)
    let address = Int(bitPattern: mapped.bytes.baseAddress)
    let from = (address + 1_000 + block - 1) / block * block - address
    #expect((address + through) % block == 0 && through <= end && through > end - block)
    #expect(through - from >= 3 * block)
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    // Given back: every whole page from the start (rounded up) to `through`; the rest is as read.
    let firstPage = (address + 1_000 + page - 1) / page * page - address
    #expect(mapped.bytes[firstPage..<through].allSatisfy { $0 == 0 })
    #expect(Array(mapped.bytes[..<firstPage]) == Array(bytes[..<firstPage]))
    #expect(Array(mapped.bytes[through...]) == Array(bytes[through...]))
    // Two whole blocks fit from the spare memory's first block boundary; they hold the first two
    // whole blocks of the range, byte for byte (a kernel before 5.7 moves none and drops them all).
    let target = (Int(bitPattern: spare.baseAddress) + block - 1) / block * block
    #expect(moved == 0 || moved == target + 2 * block - Int(bitPattern: spare.baseAddress))
    if moved > 0 {
      let landed = UnsafeRawBufferPointer(start: UnsafeRawPointer(bitPattern: target), count: 2 * block)
      #expect(Array(landed) == Array(bytes[from..<from + 2 * block]))
    }
    // The spare memory is memory either way: it can be written all through.
    spare.initializeMemory(as: UInt8.self, repeating: 7)
    #expect(spare.allSatisfy { $0 == 7 })
    // Nothing left whole: the offset stays where it was, and nothing is given back.
    let again = mapped.release(through..<through + block - 1, movingInto: spare)
    #expect(again.moved == 0 && again.through == through)
    #expect(Array(mapped.bytes[through...]) == Array(bytes[through...]))
    mapped.unmap()
  }

  /// A plan large enough for whole blocks to move into both scanners' task arrays, given back every
  /// 64 KiB as it is read on two threads, is exactly the plan read from the same bytes in an array.
  @Test func aPlanWhosePagesMoveIntoItsTasksIsTheSamePlan() throws {
    let bytes = PlanGenerator(taskCount: 60_000, seed: 12, format: .json).generate()
    #expect(bytes.count > 6 << 20, "each half needs whole 2 MiB blocks")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recycled-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("plan.json").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let read = try #require(FastPlanReader.readWithoutGraph(bytes, path: path))
    // Whether this kernel moves pages at all (MREMAP_DONTUNMAP, Linux 5.7 on): three pages, one moved.
    let probe = try #require(MappedFile(path: path, minimumSize: 1))
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let spareSize = 4 * page
    let spareBase = try #require(
      mmap(nil, spareSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0).flatMap {
        $0 == MAP_FAILED ? nil : $0
      })
    defer { munmap(spareBase, spareSize) }
    let spare = UnsafeMutableRawBufferPointer(start: spareBase, count: spareSize)
    let movesPages = probe.release(0..<3 * page, movingInto: spare, block: page).moved > 0
    probe.unmap()
    for step in [64 << 10, 1 << 20] {
      let mapped = try #require(MappedFile(path: path, minimumSize: 1))
      let plan = try #require(FastPlanReader.readWithoutGraph(mapped: mapped, path: path, releaseStep: step))
      #expect(plan == read, "given back every \(step) bytes")
      // Both steps move pages: a page at a time every 64 KiB, whole 2 MiB blocks every 1 MiB.
      #expect(!movesPages || mapped.movedBytes.load(ordering: .relaxed) > bytes.count / 4, "step \(step)")
    }
  }
}
