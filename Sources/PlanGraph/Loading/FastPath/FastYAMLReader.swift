import Dispatch

/// Reads a YAML plan text into `FastPlanRows` for the fast path: on one thread, or, for a text of at
/// least `splitBytes`, on two at once — cut at a root `tasks` item near the middle (`FastYAMLSplit`),
/// each half read by its own libyaml parser, the second half's rows then appended to the first's.
/// libyaml's own scan is most of the time a YAML plan takes to load, and it cannot go faster on one
/// thread. A cut that either half does not prove is dropped and the whole text read on one thread, so
/// the rows are the same either way.
package enum FastYAMLReader {
  /// Below this many bytes (about 7,000 tasks) a second thread costs more than it saves.
  static let splitBytes = 1 << 20

  /// Whether and where a YAML text is cut for two threads.
  package enum Split: Sendable {
    /// At the guessed cut (`FastYAMLSplit.candidate`), from `splitBytes` on: what the loader does.
    case automatic
    /// Never: one thread.
    case never
    /// At the guessed cut whatever the size (for tests and the fuzzer).
    case guessed
    /// At the line starting at this byte offset of the text (after any byte-order mark), if it
    /// starts with spaces and `- ` (for tests and the fuzzer).
    case line(Int)
  }

  /// The rows of `text` (after any byte-order mark; the file numbered `file`), or nil to decline.
  static func read(_ text: UnsafeBufferPointer<UInt8>, file: Int32, split: Split = .automatic) -> FastYAMLPart? {
    guard !text.isEmpty else { return nil }
    let cut: Cut? =
      switch split {
      case .automatic: text.count >= splitBytes ? FastYAMLSplit.candidate(in: text) : nil
      case .never: nil
      case .guessed: FastYAMLSplit.candidate(in: text)
      case .line(let offset): FastYAMLSplit.cut(in: text, at: offset)
      }
    if let cut, let joined = readInTwo(text, at: cut, file: file) { return joined }
    return readWhole(text, file: file, room: text.count)
  }

  /// Reads a whole plan text, with room in the rows for a text of `room` bytes.
  private static func readWhole(_ text: UnsafeBufferPointer<UInt8>, file: Int32, room: Int) -> FastYAMLPart? {
    FastYAMLParser.with(text) { parser in
      var scanner = FastYAMLScanner(parser: parser, file: file)
      reserve(&scanner.rows, bytes: room)
      if room > text.count {
        // The first half of a split: the names and the arena the second half's are appended to.
        scanner.rows.text.reserveCapacity(room / 4)
        scanner.arena.reserveCapacity(room / 4)
      }
      guard scanner.scan() else { return nil }
      return FastYAMLPart(rows: scanner.rows, arena: scanner.arena, ending: scanner.ending)
    }
  }

  /// Reads the items after a cut (lines counted from the cut; `FastYAMLPart.append` moves them).
  private static func readItems(_ text: UnsafeBufferPointer<UInt8>, column: Int, file: Int32) -> FastYAMLPart? {
    FastYAMLParser.with(text) { parser in
      var scanner = FastYAMLScanner(parser: parser, file: file)
      reserve(&scanner.rows, bytes: text.count)
      guard scanner.scanItems(column: column) else { return nil }
      return FastYAMLPart(rows: scanner.rows, arena: scanner.arena, ending: scanner.ending)
    }
  }

  /// Machine-written YAML takes about 150 bytes a task and 50 per `after` entry: the rows never grow by
  /// copying. (Capacity not written to costs address space only.)
  private static func reserve(_ rows: inout FastPlanRows, bytes: Int) {
    rows.tasks.reserveCapacity(bytes / 128 + 16)
    rows.planTasks.reserveCapacity(bytes / 128 + 16)
    rows.references.reserveCapacity(bytes / 48 + 16)
  }

  /// Both halves read at once and joined; nil when either declines or the cut is not proved.
  static func readInTwo(_ text: UnsafeBufferPointer<UInt8>, at cut: Cut, file: Int32) -> FastYAMLPart? {
    let halves = Halves(text: text, cut: cut)
    DispatchQueue.concurrentPerform(iterations: 2) { half in
      if half == 0 {
        // Room for the whole text, so that appending the second half copies nothing of the first's.
        halves.first = readWhole(
          UnsafeBufferPointer(rebasing: halves.text[..<cut.offset]), file: file, room: halves.text.count)
      } else {
        halves.second = readItems(
          UnsafeBufferPointer(rebasing: halves.text[cut.offset...]), column: cut.column, file: file)
      }
    }
    guard var first = halves.first, var second = halves.second, FastYAMLSplit.proves(first.ending, cut: cut),
      let lines = Int32(exactly: first.ending.endLine)
    else { return nil }
    // Each half's rows held once, so that they change in place.
    halves.first = nil
    halves.second = nil
    guard first.append(&second, lines: lines) else { return nil }
    // Freeing the second half's rows (a release per task) is left to another thread: the caller goes on.
    halves.second = consume second
    DispatchQueue.global().async { halves.second = nil }
    return first
  }

  typealias Cut = FastYAMLSplit.Cut

  /// The text and each thread's result: each thread writes its own property only, and both are read
  /// after `concurrentPerform` returns, which orders the writes before the reads.
  private final class Halves: @unchecked Sendable {
    let text: UnsafeBufferPointer<UInt8>
    let cut: Cut
    var first: FastYAMLPart?
    var second: FastYAMLPart?

    init(text: UnsafeBufferPointer<UInt8>, cut: Cut) {
      self.text = text
      self.cut = cut
    }
  }
}
