#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A large regular file's bytes mapped read-only, for the loader's fast path: no copy into the
/// process (at a million tasks, 117 MB read and written again), and what has been read can be given
/// back page by page (`release(upTo:)`), so the file is never whole in memory beside the plan made
/// from it.
///
/// Only for what `DiskFileSystem.read` would read: a regular file within `PlanLimits.maximumFileSize`;
/// anything else is nil and the caller reads the file the ordinary way, which says what is wrong.
/// A file cut short by another program while it is mapped stops the process (SIGBUS) as it is read:
/// editors and `plangraph` itself replace files by renaming, which leaves the mapped one whole.
package final class MappedFile {
  /// The mapped bytes.
  package let bytes: UnsafeBufferPointer<UInt8>
  private var base: UnsafeMutableRawPointer?
  private let size: Int
  /// Bytes before this offset are already given back.
  private var released = 0

  /// Maps the file at `path` when it is a regular file of at least `minimumSize` bytes (smaller ones
  /// cost less to read than to map) and at most `PlanLimits.maximumFileSize`; nil otherwise.
  package init?(path: String, minimumSize: Int) {
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    let size = Int(info.st_size)
    guard size >= max(minimumSize, 1), size <= PlanLimits.maximumFileSize else { return nil }
    // Mapped whole at once (one call instead of a page fault every sixteen pages); the pages read are
    // given back as the scan goes, so the peak of memory is not here.
    guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0), base != MAP_FAILED else {
      return nil
    }
    self.base = base
    self.size = size
    bytes = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: size)
  }

  /// Gives back the whole pages before `offset`: they stop counting in the process's memory. Read
  /// again they would be mapped again from the file, so nothing goes wrong if a reader looks back.
  package func release(upTo offset: Int) {
    guard let base else { return }
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let end = min(offset, size) / page * page
    guard end > released else { return }
    _ = madvise(base + released, end - released, MADV_DONTNEED)
    released = end
  }

  /// Unmaps the file; `bytes` must not be read after.
  package func unmap() {
    guard let base else { return }
    munmap(base, size)
    self.base = nil
  }

  deinit { unmap() }

  /// Asks for transparent huge pages (2 MiB) under the storage `array` has reserved, where the system
  /// gives them on request: a large array filled once then takes a page fault per 2 MiB instead of per
  /// 4 KiB (at a million tasks the faults were a third of the scan). Pages never written stay unused.
  package static func adviseHugePages<Element>(_ array: inout [Element]) {
    let bytes = array.capacity * MemoryLayout<Element>.stride
    array.withUnsafeMutableBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      adviseHugePages(UnsafeMutableRawBufferPointer(start: base, count: bytes))
    }
  }

  /// `adviseHugePages` for the whole 2 MiB pages within `memory`.
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
