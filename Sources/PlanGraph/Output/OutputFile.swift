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
  /// regular file keeps being a link, and the file it points to is the one replaced. (`StreamedFile` is
  /// the same for output written as it is produced.)
  public static func write(_ bytes: [UInt8], to path: String) throws(AtomicFile.Failure) {
    let file = try StreamedFile.open(path)
    bytes.withUnsafeBytes { file.sink.write($0) }
    try file.commit()
  }

  /// Paths that name an open descriptor or a kernel object rather than a file in a folder.
  static func isDescriptorPath(_ path: String) -> Bool {
    path.hasPrefix("/dev/") || path.hasPrefix("/proc/")
  }

  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
