#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes files so that they never half-exist: a temporary file in the same folder, flushed to disk,
/// then renamed over the target. An interrupted write leaves the previous file intact.
public enum AtomicFile {
  /// Why a file could not be written.
  public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The path that was to be written.
    public var path: String
    /// What went wrong, in words.
    public var reason: String
    /// `cannot write 'path': reason`.
    public var description: String { "cannot write '\(path)': \(reason)" }
  }

  /// Writes `bytes` to `path` atomically.
  public static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
    let folder = PlanPath.directory(of: path)
    var template = Array(PlanPath.join(folder.isEmpty ? "." : folder, ".plangraph-XXXXXX").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
      guard let base = buffer.baseAddress else { return -1 }
      return mkstemp(base)
    }
    guard fd >= 0 else { throw Failure(path: path, reason: describe(errno)) }
    let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var ok = false
    defer {
      if !ok { unlink(temporary) }
    }
    var written = 0
    while written < bytes.count {
      let n = bytes.withUnsafeBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return Glibc.write(fd, base + written, bytes.count - written)
      }
      if n < 0 {
        if errno == EINTR { continue }
        let reason = describe(errno)
        close(fd)
        throw Failure(path: path, reason: reason)
      }
      written += n
    }
    // Files are created 0600 by mkstemp; give them the usual permissions.
    fchmod(fd, 0o644)
    if fsync(fd) != 0 {
      let reason = describe(errno)
      close(fd)
      throw Failure(path: path, reason: reason)
    }
    close(fd)
    guard rename(temporary, path) == 0 else { throw Failure(path: path, reason: describe(errno)) }
    ok = true
  }

  /// Writes UTF-8 text to `path` atomically.
  public static func write(_ text: String, to path: String) throws(Failure) {
    try write(Array(text.utf8), to: path)
  }

  private static func describe(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}
