import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc

  /// Linux's `mremap` with its fifth argument (the Glibc module leaves out C functions with a
  /// variable argument list; on the platforms Swift runs Linux on, integers and pointers are passed
  /// to one the same way as to a fixed list).
  @_silgen_name("mremap")
  private func mremap(
    _ old: UnsafeMutableRawPointer, _ oldSize: Int, _ newSize: Int, _ flags: Int32,
    _ new: UnsafeMutableRawPointer
  ) -> UnsafeMutableRawPointer?
#elseif canImport(Darwin)
  import Darwin
#endif

/// A large regular file's bytes read into memory of their own that can be given back page by page
/// (`release`), or moved on into an array being filled (`release(_:movingInto:block:)`), for the
/// loader's fast path: the scan passes the text once, front to back, so the file is never whole in
/// memory beside the plan made from it.
///
/// The bytes are read (`pread(2)`, a large file in two halves at once) into an anonymous mapping, not
/// mapped from the file: a mapped file cut short by another program while it is read (a script
/// rewriting it with `>`, an editor saving in place) would stop the process with SIGBUS, where a read
/// only sees a shorter text (and the fast path declines). Pages given back read as zeros after, so the
/// caller promises never to look back.
///
/// Only for what `DiskFileSystem.read` would read: a regular file within `PlanLimits.maximumFileSize`;
/// anything else is nil and the caller reads the file the ordinary way, which says what is wrong.
package final class MappedFile {
  /// The bytes read.
  package let bytes: UnsafeBufferPointer<UInt8>
  private var base: UnsafeMutableRawPointer?
  private let size: Int
  /// The bytes moved on into arrays so far (`release(_:movingInto:block:)`), by either scanner: what
  /// tests read to see that pages moved rather than were dropped.
  package let movedBytes = Atomic<Int>(0)
  /// Set when a two-thread read of these bytes dropped its cut (`FastJSONReader`): pages may be gone, so
  /// the text is not read again here, but the file, mapped afresh, can still be read on one thread.
  package var droppedCut = false

  /// Reads the file at `path` when it is a regular file of at least `minimumSize` bytes (smaller ones
  /// cost less to read the ordinary way) and at most `PlanLimits.maximumFileSize`; nil otherwise, and
  /// nil when it changes size while it is read.
  package init?(path: String, minimumSize: Int) {
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    let size = Int(info.st_size)
    guard size >= max(minimumSize, 1), size <= PlanLimits.maximumFileSize else { return nil }
    guard let base = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
      base != MAP_FAILED
    else { return nil }
    // Filled once: a page fault per 2 MiB instead of per 4 KiB where the system gives huge pages.
    Self.adviseHugePages(UnsafeMutableRawBufferPointer(start: base, count: size))
    // A file that shrank or grew while it was read is read again the ordinary way.
    var extra: UInt8 = 0
    guard Self.read(fd, into: base, size: size), pread(fd, &extra, 1, off_t(size)) == 0 else {
      munmap(base, size)
      return nil
    }
    self.base = base
    self.size = size
    bytes = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: size)
  }

  /// The system's page size: what `madvise` and `mremap` work in.
  static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

  /// From this many bytes on the file is read in two halves at once, each thread faulting in its own
  /// pages: the copy and the page faults are most of the time before the scan can start.
  static let twoThreadReadMinimum = 4 << 20

  /// Reads `size` bytes of `fd` from its start into `base`: in two halves at once from
  /// `twoThreadReadMinimum` bytes on, cut at a huge page (2 MiB). False when the file ended sooner or
  /// could not be read.
  private static func read(_ fd: Int32, into base: UnsafeMutableRawPointer, size: Int) -> Bool {
    guard size >= twoThreadReadMinimum else { return read(fd, into: base, 0..<size) }
    // Cut at a huge page's start, so that no page is faulted in by both threads.
    let huge = 2 << 20
    let start = Int(bitPattern: base)
    let cut = max((start + size / 2) / huge * huge - start, 1)
    let filled = ReadHalves(base: base)
    DispatchQueue.concurrentPerform(iterations: 2) { half in
      if half == 0 {
        filled.first = read(fd, into: filled.base, 0..<cut)
      } else {
        filled.second = read(fd, into: filled.base, cut..<size)
      }
    }
    return filled.first && filled.second
  }

  /// Reads the bytes of `fd` at `range` into the same offsets from `base`; false when the file ended
  /// first or could not be read.
  private static func read(_ fd: Int32, into base: UnsafeMutableRawPointer, _ range: Range<Int>) -> Bool {
    var offset = range.lowerBound
    while offset < range.upperBound {
      let count = pread(fd, base + offset, range.upperBound - offset, off_t(offset))
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { return false }
      offset += count
    }
    return true
  }

  /// Each half's result of a two-thread read: each thread writes its own property only, and both are
  /// read after `concurrentPerform` returns, which orders the writes before the reads.
  private final class ReadHalves: @unchecked Sendable {
    let base: UnsafeMutableRawPointer
    var first = false
    var second = false

    init(base: UnsafeMutableRawPointer) { self.base = base }
  }

  /// Gives back the whole pages within `range` (a page it only partly covers is kept): for two
  /// scanners each reading its own part of the text, each giving back pages behind it in its own part
  /// only, never one the other may still read. Keeps no state, so two threads may call it at once.
  package func release(_ range: Range<Int>) {
    guard let base else { return }
    let page = Self.pageSize
    let start = (max(range.lowerBound, 0) + page - 1) / page * page
    let end = min(range.upperBound, size) / page * page
    guard end > start else { return }
    _ = madvise(base + start, end - start, MADV_DONTNEED)
  }

  /// Gives back the pages within `range` as `release(_:)` does, up to the last whole 2 MiB block in it,
  /// and moves those blocks into `spare` (memory of the caller's that nothing has written yet: the
  /// capacity of an array past what it holds) instead of dropping them, as many as fit from its start.
  /// Returns how many bytes from `spare`'s start hold pages now (0: none moved) and the offset up to
  /// which the file's pages are given back: the rest of `range`, less than a block, is left for the
  /// next call, so that the blocks move whole (a huge page stays one). `block` is 2 MiB but in tests,
  /// which give back every few pages (rounded to whole pages).
  ///
  /// A page dropped and a page faulted in afresh for the array cost a page fault and the zeroing of a
  /// page each; a page moved costs neither (its old bytes stay in the array's unused capacity, which
  /// nothing reads). At a million tasks the file is 115 MB of the 690 MB of pages a run touched. Pages
  /// moved away read as zeros after, as dropped ones do.
  package func release(
    _ range: Range<Int>, movingInto spare: UnsafeMutableRawBufferPointer, block: Int = 2 << 20
  ) -> (moved: Int, through: Int) {
    let page = Self.pageSize
    guard let base else { return (0, range.upperBound) }
    #if canImport(Glibc)
      let block = max(block / page, 1) * page
      let address = Int(bitPattern: base)
      let from = (address + max(range.lowerBound, 0) + block - 1) / block * block - address
      let to = (address + min(range.upperBound, size)) / block * block - address
      guard to > from else { return (0, max(range.lowerBound, 0)) }
      release(range.lowerBound..<from)
      var moved = 0
      let target = (Int(bitPattern: spare.baseAddress) + block - 1) / block * block
      let length = min(to - from, (Int(bitPattern: spare.baseAddress) + spare.count) / block * block - target)
      if length > 0, let destination = UnsafeMutableRawPointer(bitPattern: target) {
        // MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP (1 | 2 | 4): the source stays mapped and
        // empty, so that it reads as zeros; a kernel before 5.7 refuses, and the pages are dropped.
        if mremap(base + from, length, length, 1 | 2 | 4, destination) == destination {
          moved = target + length - Int(bitPattern: spare.baseAddress)
          movedBytes.add(length, ordering: .relaxed)
        } else {
          // A kernel may have unmapped the destination before failing: map it afresh (nothing is
          // stored there), so that the array's capacity is memory again.
          _ = mmap(destination, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0)
        }
      }
      release((moved > 0 ? from + length : from)..<to)
      return (moved, to)
    #else
      let through = min(range.upperBound, size) / page * page
      release(range.lowerBound..<through)
      return (0, max(through, range.lowerBound))
    #endif
  }

  /// Gives the memory back; `bytes` must not be read after.
  package func unmap() {
    guard let base else { return }
    munmap(base, size)
    self.base = nil
  }

  deinit { unmap() }

  /// `adviseHugePages` for the storage `array` has reserved (pages never written stay unused).
  package static func adviseHugePages<Element>(_ array: inout [Element]) {
    let bytes = array.capacity * MemoryLayout<Element>.stride
    array.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      adviseHugePages(UnsafeMutableRawBufferPointer(start: base, count: bytes))
    }
  }

  /// Asks for transparent huge pages (2 MiB) for the whole 2 MiB pages within `memory`, where the system
  /// gives them on request: a buffer filled once then takes a page fault per 2 MiB instead of per 4 KiB.
  ///
  /// The file's buffer asks, and a small plan's rows (`FastJSONReader.hugeRowsBelow`): the file's pages
  /// are moved on into the tasks' array as the scan passes them (`release(_:movingInto:block:)`), so they are
  /// paid for once, and a large plan's arrays are left on small pages. Fresh huge pages are a bet that loses on
  /// a virtual machine whose balloon reports free memory to the host (free page reporting hands back
  /// exactly 2 MiB blocks): each such page then costs about 1.3 ms to fault in against 0.1 ms, and runs
  /// that drew many took 0.9 s instead of 0.6 at a million tasks. With the arrays on huge pages too,
  /// runs went 0.63–1.0 s in turn with the C reference; with the file's only, 0.70–0.74 s in 12 of 14 runs.
  package static func adviseHugePages(_ memory: UnsafeMutableRawBufferPointer) {
    let huge = 2 << 20
    guard memory.count >= 2 * huge, let base = memory.baseAddress else { return }
    let start = (Int(bitPattern: base) + huge - 1) / huge * huge
    let end = (Int(bitPattern: base) + memory.count) / huge * huge
    guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
    // MADV_HUGEPAGE (14); refused where there are none, which changes nothing.
    _ = madvise(pointer, end - start, 14)
  }
}
