import Dispatch

/// Reads a JSON plan text into `FastPlanRows` for the fast path: on one thread, or, for a text of at
/// least `splitBytes`, on two at once — cut at a root `tasks` item near the middle (`FastJSONSplit`),
/// each part read by its own `FastJSONScanner`, the second part's rows then appended to the first's
/// (`FastPlanRows.append`), as `FastYAMLReader` does for YAML. A cut that either part does not prove
/// is dropped and the whole text read on one thread, so the rows are the same either way.
///
/// A mapped file (`MappedFile`) is given back page by page behind each scanner, each in its own part
/// only; after a cut that fails, pages may be gone, so the mapped text is not read again (nil, with
/// `MappedFile.droppedCut` set: the loader maps the file afresh and reads it on one thread).
enum FastJSONReader {
  /// Below this many bytes (about 10,000 tasks) a second thread costs more than it saves.
  static let splitBytes = 1 << 20

  /// Below this many bytes of text (about 280,000 tasks) the rows' arrays are advised onto huge pages.
  /// A run that draws fresh huge pages the virtual machine's host has taken back pays about 1.3 ms for
  /// each (`MappedFile.adviseHugePages`); a small plan's few come from what the runs just before it freed,
  /// which the host still backs (100,000 tasks in turn with the C reference, 20 rounds: 69 ms with
  /// them, 79 without; with them, 70 ms in 30 rounds, as before the file's pages were moved), while a
  /// million tasks' 200 drew slow ones in streaks (0.63–1.0 s against 0.70–0.74 s in most runs without:
  /// their tasks' array fills the file's pages, `ReadPagesRecycler`). The whole text counts, not each
  /// thread's part.
  static let hugeRowsBelow = 32 << 20

  /// A mapped file to give back as the text is read, every `releaseStep` bytes.
  typealias Release = (file: MappedFile, releaseStep: Int)

  /// The rows of `text` (the whole file, read from `textStart`, past any byte-order mark), or nil to
  /// decline. `split` says whether and where to cut it (`.line` offsets count from `textStart`).
  static func read(
    _ text: UnsafeBufferPointer<UInt8>, from textStart: Int, split: FastYAMLReader.Split, release: Release?
  ) -> FastPlanRows? {
    let cut: Int? =
      switch split {
      case .automatic:
        text.count - textStart >= splitBytes ? FastJSONSplit.candidate(in: text, from: textStart) : nil
      case .never: nil
      case .guessed: FastJSONSplit.candidate(in: text, from: textStart)
      case .line(let offset): FastJSONSplit.cut(in: text, at: textStart + offset, from: textStart)
      }
    if let cut {
      if let rows = readInTwo(text, from: textStart, at: cut, release: release) { return rows }
      // Pages of a mapped text may have been given back: it is not read again here (the loader maps
      // the file afresh and reads it on one thread).
      if let release {
        release.file.droppedCut = true
        return nil
      }
    }
    var scanner = FastJSONScanner(bytes: text, from: textStart, file: 0)
    prepare(&scanner, room: text.count, whole: text.count, release: release, offset: 0)
    guard scanner.scan() else { return nil }
    return scanner.rows
  }

  /// Reserves room in the scanner's rows for a text of `room` bytes (part of a whole text of `whole`)
  /// and sets it to give back the pages it has read of a mapped file (its text starting at byte
  /// `offset` of the file's).
  private static func prepare(
    _ scanner: inout FastJSONScanner, room: Int, whole: Int, release: Release?, offset: Int
  ) {
    if let release {
      scanner.releaseStep = release.releaseStep
      // Only the pages wholly within this scanner's part: from `offset` (rounded up to a page).
      scanner.releaseRead = ReadPagesRecycler(file: release.file, offset: offset, step: release.releaseStep)
    }
    // Machine-written plans take about a hundred bytes a task: the rows never grow by copying.
    scanner.rows.tasks.reserveCapacity(room / 96 + 16)
    scanner.rows.planTasks.reserveCapacity(room / 96 + 16)
    // About one and a half `after` entries a task: room for three.
    scanner.rows.references.reserveCapacity(room / 32 + 16)
    // The names are a fifth of such a file at most, their full ids (written after them when the plan is
    // assembled) a tenth, the ids, owners and `after` names a tenth (pages never written are never
    // resident).
    scanner.rows.text.reserveCapacity(room / 4 + room / 8 + 16)
    scanner.rows.idText.reserveCapacity(room / 6 + 16)
    // A text this small gets its arrays onto huge pages (`MappedFile.adviseHugePages`): the few it
    // draws come from what the runs before it just freed. A larger one's are left on small pages (its
    // tasks' array fills the file's pages).
    guard whole < hugeRowsBelow else { return }
    MappedFile.adviseHugePages(&scanner.rows.tasks)
    MappedFile.adviseHugePages(&scanner.rows.planTasks)
    MappedFile.adviseHugePages(&scanner.rows.references)
    MappedFile.adviseHugePages(&scanner.rows.text)
    MappedFile.adviseHugePages(&scanner.rows.idText)
  }

  /// Both parts read at once and joined; nil when either declines or the cut is not proved.
  static func readInTwo(
    _ text: UnsafeBufferPointer<UInt8>, from textStart: Int, at cut: Int, release: Release?
  ) -> FastPlanRows? {
    let parts = Parts(text: text, release: release)
    DispatchQueue.concurrentPerform(iterations: 2) { part in
      let (text, release) = (parts.text, parts.release)
      if part == 0 {
        var scanner = FastJSONScanner(bytes: UnsafeBufferPointer(rebasing: text[..<cut]), from: textStart, file: 0)
        // Room for the whole text, so that appending the second part copies nothing of the first's.
        prepare(&scanner, room: text.count, whole: text.count, release: release, offset: 0)
        scanner.endsAtCut = true
        guard scanner.scan(), scanner.reachedCut else { return }
        parts.first = (scanner.rows, scanner.line)
      } else {
        let items = UnsafeBufferPointer(rebasing: text[cut...])
        var scanner = FastJSONScanner(bytes: items, from: 0, file: 0)
        prepare(&scanner, room: items.count, whole: text.count, release: release, offset: cut)
        guard scanner.scanItems() else { return }
        parts.second = scanner.rows
      }
    }
    // `concurrentPerform` has returned: both writes are done, and seen here.
    guard var first = parts.first?.rows, let cutLine = parts.first?.line, var second = parts.second else { return nil }
    // Each part's rows held once, so that they change in place.
    parts.first = nil
    parts.second = nil
    var arena = first.idText
    first.idText = []
    var secondArena = second.idText
    second.idText = []
    // The second part's tasks are freed within the join, by the thread that appended them: freed later
    // on another thread, they were still held (70 MiB at a million tasks) when that thread was slow to
    // run, raising the whole run's peak.
    guard first.append(&second, arena: &arena, secondArena: &secondArena, lines: cutLine - 1, freeing: true)
    else { return nil }
    first.idText = arena
    arena = []
    return first
  }

  /// Each thread's result: each thread writes its own property only, and both are read after
  /// `concurrentPerform` returns, which orders the writes before the reads. (The async free after
  /// that is the only access left.)
  private final class Parts: @unchecked Sendable {
    let text: UnsafeBufferPointer<UInt8>
    /// Read by both threads; their `ReadPagesRecycler`s touch disjoint pages of it.
    let release: Release?
    var first: (rows: FastPlanRows, line: Int32)?
    var second: FastPlanRows?

    init(text: UnsafeBufferPointer<UInt8>, release: Release?) {
      self.text = text
      self.release = release
    }
  }
}
