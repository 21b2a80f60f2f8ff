#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a `PlanLanguageServer` over two file descriptors (the editor's pipe: standard input and output)
/// until the client sends `exit` or closes the input.
public struct StdioConnection {
  private let input: Int32
  private let output: Int32

  /// Creates a connection reading `input` and writing `output`.
  public init(input: Int32 = 0, output: Int32 = 1) {
    self.input = input
    self.output = output
  }

  /// Serves until `exit` (returning its status: 0 after `shutdown`, else 1) or end of input (1).
  public func run(_ server: PlanLanguageServer) -> Int32 {
    var framer = MessageFramer()
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
      // Handle every message already here, then publish diagnostics once: a burst of edits is checked once.
      while let frame = framer.next() {
        switch frame {
        case .message(let body):
          write(server.receive(body))
          if let status = server.exitStatus { return status }
        case .badHeader:
          write([JSONRPC.error(id: .null, .init(.parseError, "a message header without a valid Content-Length"))])
        }
      }
      if !inputIsWaiting() { write(server.pendingNotifications()) }
      let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { return 1 }
      framer.append(chunk[0..<count])
    }
  }

  private func inputIsWaiting() -> Bool {
    var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
    return poll(&descriptor, 1, 0) > 0
  }

  private func write(_ messages: [JSON]) {
    for message in messages {
      let bytes = MessageFramer.frame(message.encoded)
      var written = 0
      while written < bytes.count {
        let n = bytes.withUnsafeBytes { buffer -> Int in
          guard let base = buffer.baseAddress else { return 0 }
          return Glibc.write(output, base + written, bytes.count - written)
        }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return }
        written += n
      }
    }
  }
}
