/// The base protocol's framing: each message is `Content-Length: N` headers, a blank line and N bytes.
///
/// Bytes go in as they arrive; whole message bodies come out. A header block without a usable length
/// is reported and skipped, so a confused client cannot stop the server.
public struct MessageFramer: Sendable {
  /// What one call to `next()` found.
  public enum Frame: Equatable, Sendable {
    /// A complete message body.
    case message([UInt8])
    /// A header block without a valid `Content-Length`, dropped.
    case badHeader(String)
  }

  /// The largest message body accepted: a plan file of the loader's limit, escaped, with room to spare.
  public static let maximumLength = 256 << 20

  private var buffer: [UInt8] = []
  private var start = 0

  /// Creates an empty framer.
  public init() {}

  /// Adds bytes read from the client.
  public mutating func append(_ bytes: some Sequence<UInt8>) {
    buffer.append(contentsOf: bytes)
  }

  /// Whether a whole message may be waiting (a header end has arrived).
  public var hasBufferedBytes: Bool { start < buffer.count }

  /// The next complete frame, nil when more bytes are needed.
  public mutating func next() -> Frame? {
    guard let headerEnd = findHeaderEnd() else { return nil }
    let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
    var length: Int?
    for line in header.split(separator: "\r\n") {
      let parts = line.split(separator: ":", maxSplits: 1)
      guard parts.count == 2 else { continue }
      if parts[0].lowercased() == "content-length" {
        length = Int(parts[1].filter { $0 != " " && $0 != "\t" })
      }
    }
    let bodyStart = headerEnd + 4
    guard let length, length >= 0, length <= Self.maximumLength else {
      start = bodyStart
      compact()
      return .badHeader(header)
    }
    guard buffer.count - bodyStart >= length else { return nil }
    let body = Array(buffer[bodyStart..<bodyStart + length])
    start = bodyStart + length
    compact()
    return .message(body)
  }

  /// The bytes of a message with its header.
  public static func frame(_ body: [UInt8]) -> [UInt8] {
    Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
  }

  private func findHeaderEnd() -> Int? {
    var i = start
    while i + 3 < buffer.count {
      if buffer[i] == 13, buffer[i + 1] == 10, buffer[i + 2] == 13, buffer[i + 3] == 10 { return i }
      i += 1
    }
    return nil
  }

  private mutating func compact() {
    if start > 65_536 || start == buffer.count {
      buffer.removeFirst(start)
      start = 0
    }
  }
}
