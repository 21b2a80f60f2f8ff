#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where `-o` output goes, decided by what the path names: a regular file is replaced atomically
/// (`AtomicFile`), anything else (a device, a FIFO, a terminal, `/dev/stdout`, `/proc/self/fd/N`) is
/// opened and written in place, so that `-o /dev/null` can never replace the machine's `/dev/null`.
public enum OutputFile {
  /// A file's identity: its device and inode, the same whatever path or link names it.
  public struct Identity: Hashable, Sendable {
    /// The device the file lives on.
    public var device: UInt64
    /// Its inode on that device.
    public var inode: UInt64
  }

  /// The identity of the file `path` names (links followed), nil when nothing exists there.
  public static func identity(of path: String) -> Identity? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
  }

  /// Writes `bytes` to `path`: in place when it names something other than a regular file or a
  /// descriptor link, else atomically, keeping the replaced file's permission bits; a symbolic link to a
  /// regular file keeps being a link, and the file it points to is the one replaced.
  public static func write(_ bytes: [UInt8], to path: String) throws(AtomicFile.Failure) {
    var info = stat()
    guard stat(path, &info) == 0 else {
      // Nothing there yet (or a dangling link): a new file.
      return try AtomicFile.write(bytes, to: path)
    }
    let isRegular = info.st_mode & S_IFMT == S_IFREG
    if !isRegular || isDescriptorPath(path) { return try writeInPlace(bytes, to: path, truncate: isRegular) }
    guard let resolved = realPath(path), !isDescriptorPath(resolved) else {
      return try writeInPlace(bytes, to: path, truncate: true)
    }
    // A read-only file is refused even for root, who could write it: its mode says it is not to change.
    guard access(resolved, W_OK) == 0, info.st_mode & 0o222 != 0 else {
      throw AtomicFile.Failure(path: path, reason: "the file is read-only; it was left as it is")
    }
    try AtomicFile.write(bytes, to: resolved, replacing: info)
  }

  /// Paths that name an open descriptor or a kernel object rather than a file in a folder.
  static func isDescriptorPath(_ path: String) -> Bool {
    path.hasPrefix("/dev/") || path.hasPrefix("/proc/")
  }

  private static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  private static func writeInPlace(_ bytes: [UInt8], to path: String, truncate: Bool) throws(AtomicFile.Failure) {
    let fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC | (truncate ? O_TRUNC : 0))
    guard fd >= 0 else { throw AtomicFile.Failure(path: path, reason: describe(errno)) }
    defer { close(fd) }
    if let code = AtomicFile.writeAll(bytes, to: fd) {
      throw AtomicFile.Failure(path: path, reason: describe(code))
    }
  }

  private static func describe(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}
