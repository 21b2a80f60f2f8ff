#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Memory the assembler needs only while it resolves (full-id hashes, the id table, owners, full-id
/// offsets): from 256 KiB on, an anonymous mapping of its own, given back to the system when freed.
///
/// Why not an array: once glibc has freed one large block it raises its mmap threshold (up to 32 MiB),
/// so the next arrays of a few MiB come from its heap, and a freed one between two kept ones is a hole
/// that stays resident. At a million tasks the assembler's 36 MiB of scratch left such holes under the
/// arena's `targets` and `positions`, and the scheduler's arrays grew the heap past them: the run's
/// peak memory. A mapping of its own is gone when freed, whatever the allocator does.
final class ScratchMemory<Element: BitwiseCopyable>: @unchecked Sendable {
  /// The memory, initialised; valid while the object lives (use `withBuffer`).
  private let buffer: UnsafeMutableBufferPointer<Element>
  /// The mapping's size in bytes; 0 when allocated the ordinary way.
  private let mappedBytes: Int

  /// Below this many bytes the ordinary allocator's memory is cheaper than a mapping.
  static var mappedMinimumBytes: Int { 256 << 10 }

  /// `count` elements, each `value`; on huge pages where the system gives them when `hugePages`.
  init(count: Int, repeating value: Element, hugePages: Bool = false) {
    let bytes = max(count, 1) * MemoryLayout<Element>.stride
    var mapped = 0
    var base: UnsafeMutablePointer<Element>?
    if bytes >= Self.mappedMinimumBytes,
      let memory = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
      memory != MAP_FAILED
    {
      if hugePages { MappedFile.adviseHugePages(UnsafeMutableRawBufferPointer(start: memory, count: bytes)) }
      mapped = bytes
      base = memory.bindMemory(to: Element.self, capacity: max(count, 1))
    }
    let start = base ?? UnsafeMutablePointer<Element>.allocate(capacity: max(count, 1))
    buffer = UnsafeMutableBufferPointer(start: start, count: count)
    buffer.initialize(repeating: value)
    mappedBytes = mapped
  }

  deinit {
    guard let base = buffer.baseAddress else { return }
    if mappedBytes > 0 {
      munmap(UnsafeMutableRawPointer(base), mappedBytes)
    } else {
      base.deallocate()
    }
  }

  /// How many elements there are.
  var count: Int { buffer.count }

  /// Calls `body` with the memory; the object lives at least as long as the call.
  @inline(__always)
  func withBuffer<R>(_ body: (UnsafeMutableBufferPointer<Element>) throws -> R) rethrows -> R {
    try body(buffer)
  }
}
