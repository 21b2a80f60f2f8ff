#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An output file written as it is produced, that never half-exists: for a regular file (or a new one)
/// the bytes go to a temporary file in the same folder, which `commit()` flushes to disk and renames over
/// the target; `abandon()` (or dropping it uncommitted) removes the temporary file, so a failure leaves
/// the target as it was. A device or FIFO is written in place, as `OutputFile` decides.
///
/// The caller streams into `sink` (a `ByteWriter(sink:)` does), then commits.
public final class StreamedFile {
  /// The path the output is for, as given.
  public let path: String
  /// Takes the bytes; it remembers the first failed write, which `commit()` reports.
  public let sink: FileDescriptorSink
  /// The temporary file renamed into place at the end; nil when writing in place. Public so that a
  /// program can remove it should it be killed before `commit()` or `abandon()` run.
  public let temporary: String?
  /// The path renamed over (the link's target for a symbolic link), and the file replaced, if any.
  private let target: String
  private let replaced: stat?
  private var isOpen = true

  private init(path: String, descriptor: Int32, temporary: String?, target: String, replaced: stat?) {
    self.path = path
    self.sink = FileDescriptorSink(descriptor: descriptor)
    self.temporary = temporary
    self.target = target
    self.replaced = replaced
  }

  deinit { abandon() }

  /// Opens the output for `path`: in place when it names something other than a regular file (or a
  /// descriptor link such as `/dev/stdout`), else a temporary file beside it, whose permission bits
  /// will be those of the file it replaces (0644 for a new one). A read-only file is refused.
  public static func open(_ path: String) throws(AtomicFile.Failure) -> StreamedFile {
    // `-o /dev/stdout >> log` names a descriptor this process already has: write through a copy of it,
    // at its position and with its append flag, rather than reopening the log and truncating it.
    if let number = descriptorNumber(path) {
      let fd = dup(number)
      guard fd >= 0 else { throw AtomicFile.Failure(path: path, reason: describe(errno)) }
      return StreamedFile(path: path, descriptor: fd, temporary: nil, target: path, replaced: nil)
    }
    var info = stat()
    guard stat(path, &info) == 0 else {
      // Nothing there yet (or a dangling link): a new file.
      return try temporary(for: path, path: path, replacing: nil)
    }
    let isRegular = info.st_mode & S_IFMT == S_IFREG
    if !isRegular || OutputFile.isDescriptorPath(path) { return try inPlace(path, truncate: isRegular) }
    guard let resolved = OutputFile.realPath(path), !OutputFile.isDescriptorPath(resolved) else {
      return try inPlace(path, truncate: true)
    }
    // A read-only file is refused even for root, who could write it: its mode says it is not to change.
    guard access(resolved, W_OK) == 0, info.st_mode & 0o222 != 0 else {
      throw AtomicFile.Failure(path: path, reason: "the file is read-only; it was left as it is")
    }
    return try temporary(for: resolved, path: path, replacing: info)
  }

  /// A temporary file beside `target`, to be renamed over it.
  static func temporary(for target: String, path: String, replacing replaced: stat?) throws(AtomicFile.Failure)
    -> StreamedFile
  {
    let folder = PlanPath.directory(of: target)
    var template = Array(PlanPath.join(folder.isEmpty ? "." : folder, ".plangraph-XXXXXX").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
      guard let base = buffer.baseAddress else { return -1 }
      return mkstemp(base)
    }
    guard fd >= 0 else { throw AtomicFile.Failure(path: target, reason: describe(errno)) }
    let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return StreamedFile(path: path, descriptor: fd, temporary: temporary, target: target, replaced: replaced)
  }

  /// The descriptor a path names when it is one of this process's own: `/dev/stdout`, `/dev/stderr`,
  /// `/dev/fd/N`, `/proc/self/fd/N`; nil for any other path.
  static func descriptorNumber(_ path: String) -> Int32? {
    switch path {
    case "/dev/stdout": return 1
    case "/dev/stderr": return 2
    default: break
    }
    for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
      let digits = path.dropFirst(prefix.count)
      guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy(\.isASCII), let number = Int32(digits) else {
        return nil
      }
      return number
    }
    return nil
  }

  private static func inPlace(_ path: String, truncate: Bool) throws(AtomicFile.Failure) -> StreamedFile {
    let fd = Glibc.open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC | (truncate ? O_TRUNC : 0))
    guard fd >= 0 else { throw AtomicFile.Failure(path: path, reason: describe(errno)) }
    return StreamedFile(path: path, descriptor: fd, temporary: nil, target: path, replaced: nil)
  }

  /// Ends a successful output: a temporary file gets its permissions, is flushed to disk and renamed into
  /// place. Throws (leaving the target as it was) when any write failed or the rename does.
  public func commit() throws(AtomicFile.Failure) {
    guard isOpen else { return }
    isOpen = false
    let fd = sink.descriptor
    guard let temporary else {
      close(fd)
      if let code = sink.failure { throw AtomicFile.Failure(path: path, reason: Self.describe(code)) }
      return
    }
    var ok = false
    defer { if !ok { unlink(temporary) } }
    if let code = sink.failure {
      close(fd)
      throw AtomicFile.Failure(path: target, reason: Self.describe(code))
    }
    // Files are created 0600 by mkstemp: give a new file the usual permissions, a replacement the old ones.
    if let replaced {
      if geteuid() == 0 { _ = fchown(fd, replaced.st_uid, replaced.st_gid) }
      fchmod(fd, replaced.st_mode & 0o7777)
    } else {
      fchmod(fd, 0o644)
    }
    if fsync(fd) != 0 {
      let reason = Self.describe(errno)
      close(fd)
      throw AtomicFile.Failure(path: target, reason: reason)
    }
    close(fd)
    guard rename(temporary, target) == 0 else { throw AtomicFile.Failure(path: target, reason: Self.describe(errno)) }
    ok = true
  }

  /// Gives up: the descriptor is closed and a temporary file removed, the target left as it was.
  public func abandon() {
    guard isOpen else { return }
    isOpen = false
    close(sink.descriptor)
    if let temporary { unlink(temporary) }
  }

  private static func describe(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}
