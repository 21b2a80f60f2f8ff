import Foundation
import PlanGraph
import Synchronization
import Testing

/// Streamed reports (issue 18, item 3): a report written through `ByteWriter(sink:)` reaches the sink in
/// chunks of the buffer's size, never whole, with the same bytes as the report returned as a value; a
/// `StreamedFile` that failed leaves its target as it was.
@Suite struct StreamedOutputTests {
  /// A sink that keeps each chunk it is handed, as a separate array.
  final class Chunks: ByteSink {
    private let chunks = Mutex<[[UInt8]]>([])
    var all: [[UInt8]] { chunks.withLock { $0 } }
    func write(_ chunk: UnsafeRawBufferPointer) {
      let copy = Array(chunk)
      chunks.withLock { $0.append(copy) }
    }
  }

  /// A generated plan of some thousands of tasks (several hundred kilobytes of any report) and its
  /// schedule as of a fixed day.
  static func scheduled() throws -> (Plan, Schedule) {
    let bytes = PlanGenerator(taskCount: 3_000, seed: 11, format: .json).generate()
    let plan = try #require(
      PlanLoader(fileSystem: MemoryFileSystem(files: ["p.json": bytes])).load(path: "p.json").plan)
    let schedule = try Scheduler(plan: plan).schedule(asOf: try #require(Day(year: 2021, month: 6, day: 1)))
    return (plan, schedule)
  }

  static let bufferSize = 16 * 1024

  /// Streams `render` through a small buffer and checks the chunks: several, each full-sized (at least
  /// the buffer, less than the buffer and one row more) but the last, together the whole output.
  func checkStreamed(
    _ whole: [UInt8], bufferSize: Int = StreamedOutputTests.bufferSize,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ render: (inout ByteWriter) -> Void
  ) {
    let sink = Chunks()
    var writer = ByteWriter(sink: sink, bufferSize: bufferSize)
    render(&writer)
    // Nothing is handed over before a buffer is full, and the writer itself holds less than one buffer
    // and a row: a writer that kept everything would fail here.
    #expect(writer.bytes.count < bufferSize + 4_096, sourceLocation: sourceLocation)
    writer.finish()
    #expect(writer.bytes.isEmpty, sourceLocation: sourceLocation)
    let chunks = sink.all
    #expect(
      whole.count > 8 * bufferSize, "the report is too small to test streaming", sourceLocation: sourceLocation)
    #expect(chunks.count >= whole.count / (bufferSize + 4_096), sourceLocation: sourceLocation)
    for chunk in chunks.dropLast() {
      #expect(chunk.count >= bufferSize && chunk.count < bufferSize + 4_096, sourceLocation: sourceLocation)
    }
    #expect(
      Array(chunks.joined()) == whole, "streamed bytes differ from the whole report", sourceLocation: sourceLocation)
  }

  @Test func scheduleReportsStreamInBufferSizedChunks() throws {
    let (plan, schedule) = try Self.scheduled()
    for language in [Language.en, .zh] {
      let report = ScheduleReport(plan: plan, schedule: schedule, language: language)
      let model = report.model()
      checkStreamed(report.json()) { report.json(model, into: &$0) }
      checkStreamed(Array(report.csv().utf8)) { report.csv(model, into: &$0) }
      checkStreamed(Array(report.markdown().utf8)) { report.markdown(model, into: &$0) }
      for width in [80, 160] {
        let table = report.table(width: width, style: TerminalStyle(enabled: true))
        checkStreamed(Array(table.utf8)) {
          report.table(model, width: width, style: TerminalStyle(enabled: true), into: &$0)
        }
      }
    }
  }

  @Test func overdueAndExportsStreamInBufferSizedChunks() throws {
    let (plan, schedule) = try Self.scheduled()
    let list = OverdueList(plan: plan, schedule: schedule, owners: nil)
    let report = OverdueReport(plan: plan, schedule: schedule, list: list, language: .zh)
    let grouped = report.model()
    // Fewer items than tasks: a smaller buffer.
    checkStreamed(Array(report.table(width: 120, style: .plain).utf8), bufferSize: 2_048) {
      report.table(grouped, width: 120, style: .plain, into: &$0)
    }
    checkStreamed(Array(report.markdown().utf8), bufferSize: 2_048) { report.markdown(grouped, into: &$0) }
    let export = PlanExport(plan: plan, schedule: schedule)
    checkStreamed(export.json()) { export.json(into: &$0) }
    checkStreamed(Array(export.ledgerCSV(language: .zh).utf8)) {
      export.ledgerCSV(language: .zh, into: &$0)
    }
    let calendar = CalendarExport(plan: plan, schedule: schedule, language: .zh)
    checkStreamed(Array(calendar.ics().utf8)) { calendar.ics(into: &$0) }
    let mermaid = MermaidExport(plan: plan, schedule: schedule, language: .zh)
    checkStreamed(Array(mermaid.markdown().utf8)) { mermaid.markdown(into: &$0) }
  }

  @Test func aChunkNeverSplitsAnEscapeOrACharacter() {
    // Strings that need escapes, Chinese text and numbers, written across many tiny buffers: every
    // chunk is whole UTF-8 and the joined bytes are what one buffer gets.
    let sink = Chunks()
    var streamed = ByteWriter(sink: sink, bufferSize: 7)
    var whole = ByteWriter()
    for i in 0..<500 {
      for writer in [0, 1] {
        func body(_ out: inout ByteWriter) {
          out.writeJSON("改革\u{2028}“三双”\n\(i)\"")
          out.write(-i * 1_234_567)
          out.write(Day(year: 2017, month: 9, day: 1 + i % 28)!)
        }
        if writer == 0 { body(&streamed) } else { body(&whole) }
      }
    }
    streamed.finish()
    for chunk in sink.all { #expect(String(validating: chunk, as: UTF8.self) != nil) }
    #expect(Array(sink.all.joined()) == whole.bytes)
  }

  // MARK: - Files

  final class Folder {
    let path: String
    init() throws {
      path = FileManager.default.temporaryDirectory.appendingPathComponent("plangraph-stream-\(UUID().uuidString)").path
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    var entries: [String] { (try? FileManager.default.contentsOfDirectory(atPath: path).sorted()) ?? [] }
  }

  @Test func aStreamedFileAppearsOnlyWhenCommitted() throws {
    let folder = try Folder()
    let target = folder.path + "/out.json"
    let file = try StreamedFile.open(target)
    var writer = ByteWriter(sink: file.sink, bufferSize: 1_024)
    for i in 0..<2_000 { writer.write("line \(i)\n") }
    // Half written: the target does not exist yet, only the temporary file beside it.
    #expect(!FileManager.default.fileExists(atPath: target))
    #expect(folder.entries.count == 1 && folder.entries[0].hasPrefix(".plangraph-"))
    writer.finish()
    try file.commit()
    #expect(folder.entries == ["out.json"])
    let text = try String(contentsOfFile: target, encoding: .utf8)
    #expect(text.hasPrefix("line 0\n") && text.hasSuffix("line 1999\n"))
  }

  @Test func aFailedWriteLeavesNoFileAndTheOldOneIntact() throws {
    let folder = try Folder()
    // A new file: a write fails midway (its descriptor closed under it), so commit refuses.
    let fresh = folder.path + "/new.csv"
    let file = try StreamedFile.open(fresh)
    var writer = ByteWriter(sink: file.sink, bufferSize: 1_024)
    for i in 0..<500 { writer.write("row \(i)\n") }
    close(file.sink.descriptor)
    for i in 0..<500 { writer.write("row \(i)\n") }
    writer.finish()
    #expect(file.sink.failure == EBADF)
    #expect(throws: AtomicFile.Failure.self) { try file.commit() }
    #expect(folder.entries.isEmpty, "\(folder.entries)")

    // A file being replaced keeps its old content when the new one fails or is abandoned.
    let old = folder.path + "/old.csv"
    try Data("old\n".utf8).write(to: URL(fileURLWithPath: old))
    let failing = try StreamedFile.open(old)
    var second = ByteWriter(sink: failing.sink, bufferSize: 16)
    second.write("new text that will not arrive\n")
    second.write("more\n")
    close(failing.sink.descriptor)
    second.write("and more\n")
    second.finish()
    #expect(throws: AtomicFile.Failure.self) { try failing.commit() }
    let abandoned = try StreamedFile.open(old)
    abandoned.sink.write(UnsafeRawBufferPointer(start: nil, count: 0))
    abandoned.abandon()
    #expect(try String(contentsOfFile: old, encoding: .utf8) == "old\n")
    #expect(folder.entries == ["old.csv"])
  }
}
