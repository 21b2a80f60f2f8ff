/// Where a streaming `ByteWriter` sends its full buffers: the caller's file descriptor, a test's list of
/// chunks. The library never opens a file or prints; a caller that wants a report streamed hands in a
/// sink and the writer calls it each time its fixed buffer fills, then once more at `finish()`.
///
/// A sink does not throw: one that fails (a full disk, a closed pipe) remembers why and drops what
/// follows, and its owner asks it afterwards, so that a renderer never has to handle write errors.
public protocol ByteSink: AnyObject, Sendable {
  /// Takes the next bytes of the output, in order; `chunk` is valid only during the call.
  func write(_ chunk: UnsafeRawBufferPointer)
}
