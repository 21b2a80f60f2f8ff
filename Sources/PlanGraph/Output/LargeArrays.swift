/// Arrays of a million entries and more, made on transparent huge pages where the system gives them on
/// request (`MappedFile.adviseHugePages`): the pages are advised before anything is written, so that
/// filling the array takes a page fault per 2 MiB instead of per 4 KiB. At a million tasks the schedule's
/// rows and the graph's and passes' arrays were half the run's page faults. Small arrays are made as
/// usual.
enum LargeArrays {
  /// Below this many bytes an array is made the ordinary way (a huge page needs 2 MiB aligned within it).
  static let minimumBytes = 4 << 20

  /// An array of `count` copies of `value`.
  @inline(__always)
  static func repeating<Element>(_ value: Element, count: Int) -> [Element] {
    guard count * MemoryLayout<Element>.stride >= minimumBytes else {
      return [Element](repeating: value, count: count)
    }
    return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
      advise(buffer)
      buffer.initialize(repeating: value)
      initialized = count
    }
  }

  /// Advises huge pages under the uninitialised `buffer` of an array being made (large buffers only).
  @inline(__always)
  static func advise<Element>(_ buffer: UnsafeMutableBufferPointer<Element>) {
    let bytes = buffer.count * MemoryLayout<Element>.stride
    guard bytes >= minimumBytes, let base = buffer.baseAddress else { return }
    MappedFile.adviseHugePages(UnsafeMutableRawBufferPointer(start: base, count: bytes))
  }
}
