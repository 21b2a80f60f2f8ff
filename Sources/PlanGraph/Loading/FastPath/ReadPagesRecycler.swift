/// Gives back the pages of a mapped file (`MappedFile`) that one scanner has read, moving them into the
/// unused capacity of the array it fills fastest, its tasks' `PlanTask`s (128 bytes a task, against
/// about 117 bytes of file), instead of dropping them: the array then fills without page faults where
/// the file's pages went (`MappedFile.release(_:movingInto:block:)`).
///
/// Each scanner of a cut file has its own, for its own part (`offset` on): the pages are moved only
/// into that scanner's array, past what it holds, by the thread that fills it.
final class ReadPagesRecycler {
  private let file: MappedFile
  /// Where the scanner's text starts in the file.
  private let offset: Int
  /// The file's pages before this offset are given back.
  private var done: Int
  /// The address up to which pages were moved into the array; the next go past it.
  private var filledUpTo = 0
  /// The blocks moved whole: 2 MiB (a huge page), or a page for a scan that gives back every few pages
  /// (tests), so that what it gives back reads as zeros at once.
  private let block: Int

  /// A recycler for the scanner whose text starts at `offset` in `file` and gives pages back every
  /// `step` bytes.
  init(file: MappedFile, offset: Int, step: Int) {
    self.file = file
    self.offset = offset
    done = offset
    block = step < 1 << 20 ? 1 : 2 << 20
  }

  /// The scanner will not read its text before `read` (counted from its text's start) again: gives
  /// those pages back, moving what it can into `planTasks`'s capacity past its elements.
  func passed(_ read: Int, filling planTasks: inout [PlanTask]) {
    let end = offset + read
    guard end > done else { return }
    // Unique first (a shared array would be copied, to another address and capacity, by the call below).
    planTasks.withUnsafeMutableBufferPointer { _ in }
    let count = planTasks.count
    let capacity = planTasks.capacity
    planTasks.withUnsafeMutableBufferPointer { elements in
      guard let first = elements.baseAddress else { return }
      let stride = MemoryLayout<PlanTask>.stride
      let start = max(Int(bitPattern: first) + count * stride, filledUpTo)
      let spareEnd = Int(bitPattern: first) + capacity * stride
      let spare = UnsafeMutableRawBufferPointer(
        start: UnsafeMutableRawPointer(bitPattern: start), count: max(spareEnd - start, 0))
      let (moved, through) = file.release(done..<end, movingInto: spare, block: block)
      if moved > 0 { filledUpTo = start + moved }
      done = through
    }
  }
}
