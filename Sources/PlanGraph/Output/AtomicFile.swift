#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes files so that they never half-exist: a temporary file in the same folder, flushed to disk,
/// then renamed over the target. An interrupted write leaves the previous file intact.
///
/// A replaced file keeps its permission bits (and, for root, its owner and group); a new file is 0644.
/// The new content is a new inode: other hard links to the old file keep the old content, the price of
/// never leaving a half-written file behind.
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
    var info = stat()
    let existing = stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    try write(bytes, to: path, replacing: existing ? info : nil)
  }

  /// Writes `bytes` to `path` atomically, giving the new file the mode (and, for root, the owner) of
  /// `replaced`, the file it takes the place of.
  static func write(_ bytes: [UInt8], to path: String, replacing replaced: stat?) throws(Failure) {
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
    if let code = writeAll(bytes, to: fd) {
      close(fd)
      throw Failure(path: path, reason: describe(code))
    }
    // Files are created 0600 by mkstemp: give a new file the usual permissions, a replacement the old ones.
    if let replaced {
      if geteuid() == 0 { _ = fchown(fd, replaced.st_uid, replaced.st_gid) }
      fchmod(fd, replaced.st_mode & 0o7777)
    } else {
      fchmod(fd, 0o644)
    }
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

  /// Writes all of `bytes` to `fd`, again after a short write or an interrupted one; the error number
  /// of a failed write, nil when all was written. Shared by the atomic replacement and the in-place
  /// write of a device or FIFO (`OutputFile`).
  static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Int32? {
    var written = 0
    while written < bytes.count {
      let n = bytes.withUnsafeBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return Glibc.write(fd, base + written, bytes.count - written)
      }
      if n < 0 {
        if errno == EINTR { continue }
        return errno
      }
      written += n
    }
    return nil
  }

  private static func describe(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}
