#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive `flock` on a folder, held while one plangraph process re-reads, compares and replaces
/// a file in it. The folder is locked rather than the file because the atomic write renames a new
/// inode over the file: a lock on the old inode would not stop a second process that opened the new
/// one. The lock is advisory (it orders plangraph processes, not editors) and is released by the
/// kernel when the process ends, so a crash never leaves it stuck.
enum FolderLock {
  /// Runs `body` holding the exclusive lock on `folder`; without a lock when the folder cannot be
  /// opened or locked (a file system without `flock`), as before locks existed.
  static func holding<T>(_ folder: String, _ body: () -> T) -> T {
    let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return body() }
    defer { close(fd) }
    var locked = flock(fd, LOCK_EX)
    while locked != 0 && errno == EINTR { locked = flock(fd, LOCK_EX) }
    defer {
      if locked == 0 { _ = flock(fd, LOCK_UN) }
    }
    return body()
  }

  /// The file `path` finally names, links followed, or nil when it does not exist.
  static func resolvedPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
