#if canImport(Glibc)
  import Glibc
#endif

/// While `-o` streams into a temporary file, an interrupt (SIGINT, SIGTERM, SIGHUP: Ctrl-C, `timeout`,
/// a stopped cron job) removes that file before the process dies, so no hidden `.plangraph-XXXXXX` is
/// left beside the target, which is untouched either way. The path sits in a fixed buffer: reading it
/// and calling `unlink` are all a signal handler may safely do. A signal the parent set to be ignored
/// stays ignored.
enum InterruptCleanup {
  private static let capacity = Int(PATH_MAX) + 1
  nonisolated(unsafe) private static let path: UnsafeMutablePointer<CChar> = {
    let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
    buffer.initialize(repeating: 0, count: capacity)
    return buffer
  }()
  private static let signals = [SIGINT, SIGTERM, SIGHUP]

  /// Runs `body` with `temporary` removed on an interrupt; without a temporary file, just runs it.
  static func removing<T>(_ temporary: String?, while body: () throws -> T) rethrows -> T {
    guard let temporary, temporary.utf8.count < capacity else { return try body() }
    _ = temporary.withCString { strncpy(path, $0, capacity - 1) }
    let handler: @convention(c) (Int32) -> Void = { number in
      if InterruptCleanup.path.pointee != 0 { unlink(InterruptCleanup.path) }
      signal(number, SIG_DFL)
      raise(number)
    }
    var previous: [sighandler_t?] = []
    for number in signals {
      let old = signal(number, handler)
      if unsafeBitCast(old, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { signal(number, SIG_IGN) }
      previous.append(old)
    }
    defer {
      for (number, old) in zip(signals, previous) { signal(number, old) }
      path.pointee = 0
    }
    return try body()
  }
}
