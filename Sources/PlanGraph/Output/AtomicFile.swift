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
    let file = try StreamedFile.temporary(for: path, path: path, replacing: replaced)
    bytes.withUnsafeBytes { file.sink.write($0) }
    try file.commit()
  }

  /// Writes UTF-8 text to `path` atomically.
  public static func write(_ text: String, to path: String) throws(Failure) {
    try write(Array(text.utf8), to: path)
  }

  private static func describe(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}
