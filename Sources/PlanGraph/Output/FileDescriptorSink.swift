import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A `ByteSink` that writes each chunk to a file descriptor the caller opened (stdout, `OutputStream`'s
/// temporary file), retrying short and interrupted writes. The first failure is remembered and what
/// follows is dropped: a streamed report runs to its end, and its owner asks `failure` afterwards.
public final class FileDescriptorSink: ByteSink {
  /// The descriptor written to; the sink never closes it.
  public let descriptor: Int32
  private let error = Mutex<Int32?>(nil)
  private let written = Mutex<Int>(0)

  /// A sink writing to `descriptor`.
  public init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  /// The error number of the first failed write (`EPIPE` for a closed pipe), nil while all went well.
  public var failure: Int32? { error.withLock { $0 } }

  /// How many bytes have been written.
  public var byteCount: Int { written.withLock { $0 } }

  /// Writes all of `chunk`, unless an earlier write failed.
  public func write(_ chunk: UnsafeRawBufferPointer) {
    guard failure == nil, let base = chunk.baseAddress else { return }
    var done = 0
    while done < chunk.count {
      #if canImport(Glibc)
        let n = Glibc.write(descriptor, base + done, chunk.count - done)
      #else
        let n = Darwin.write(descriptor, base + done, chunk.count - done)
      #endif
      if n < 0 {
        if errno == EINTR { continue }
        let code = errno
        error.withLock { $0 = code }
        return
      }
      done += n
    }
    written.withLock { $0 += done }
  }
}
