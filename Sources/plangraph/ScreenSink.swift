import PlanGraph

/// A `ByteSink` for a table or text streamed to the screen or a file: each chunk passes through
/// `TerminalText.screen` on its way, the last line of defence `emit(screen:)` applies to a whole text.
///
/// A `ByteWriter` hands over a chunk only between two writes, and the reports write a colour code and
/// the text it colours in one write, so no chunk ends inside a character or a colour code.
final class ScreenSink: ByteSink {
  private let inner: any ByteSink
  private let keepingStyles: Bool

  /// A sink that escapes for the screen, then passes the bytes to `inner`.
  init(_ inner: any ByteSink, keepingStyles: Bool) {
    self.inner = inner
    self.keepingStyles = keepingStyles
  }

  func write(_ chunk: UnsafeRawBufferPointer) {
    var text = TerminalText.screen(String(decoding: chunk, as: UTF8.self), keepingStyles: keepingStyles)
    text.withUTF8 { inner.write(UnsafeRawBufferPointer($0)) }
  }
}
