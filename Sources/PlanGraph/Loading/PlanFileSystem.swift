#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the loader gets file bytes from: the disk, or memory in tests and the fuzzer.
public protocol PlanFileSystem: Sendable {
  /// The whole content of a regular file, or why it cannot be read.
  func read(_ path: String) -> Result<[UInt8], PlanFileError>
  /// The canonical absolute path with symbolic links resolved, nil when the file does not exist.
  func canonicalPath(_ path: String) -> String?
  /// The names of the files in `folder` ("" for the current one), to suggest one for a missing include;
  /// empty where the file system cannot list folders.
  func fileNames(in folder: String) -> [String]
}

extension PlanFileSystem {
  /// No listing: an include that names no file gets no "did you mean".
  public func fileNames(in folder: String) -> [String] { [] }
}

/// Why a plan file could not be read.
public enum PlanFileError: Error, Hashable, Sendable {
  /// Nothing exists at the path.
  case missing
  /// The path names a directory.
  case directory
  /// The path names a FIFO, device or socket: reading it could hang.
  case notRegular
  /// Larger than `PlanLimits.maximumFileSize`.
  case tooLarge(Int)
  /// Any other error of the operating system.
  case system(String)

  /// The reason in English words.
  public var reason: String { words.english }

  /// The reason in words, in each language, for diagnostics.
  public var words: Phrase {
    switch self {
    case .missing: return Phrase("no such file", "没有这个文件")
    case .directory: return Phrase("it is a directory, not a plan file", "这是一个文件夹，不是计划文件")
    case .notRegular:
      return Phrase(
        "it is not a regular file (a FIFO, device or socket)", "这不是普通文件（而是管道、设备或套接字）")
    case .tooLarge(let size):
      return Phrase(
        "it is \(size) bytes, more than the limit of \(PlanLimits.maximumFileSize)",
        "文件有 \(size) 字节，超过了 \(PlanLimits.maximumFileSize) 字节的上限")
    // The operating system's own words (strerror) are in English only.
    case .system(let message): return Phrase("\(message)", "系统错误：\(message)")
    }
  }
}

/// Reads plan files from the disk, refusing anything that is not a regular file of a sane size.
public struct DiskFileSystem: PlanFileSystem {
  /// Creates a reader of the local disk.
  public init() {}

  /// The file's bytes, refusing directories, FIFOs, devices and files over `PlanLimits.maximumFileSize`.
  public func read(_ path: String) -> Result<[UInt8], PlanFileError> {
    // O_NONBLOCK: opening a FIFO without a writer must not hang; it is refused below anyway.
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    if fd < 0 { return .failure(errno == ENOENT || errno == ENOTDIR ? .missing : .system(Self.describe(errno))) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return .failure(.system(Self.describe(errno))) }
    let type = info.st_mode & S_IFMT
    if type == S_IFDIR { return .failure(.directory) }
    guard type == S_IFREG else { return .failure(.notRegular) }
    let size = Int(info.st_size)
    guard size <= PlanLimits.maximumFileSize else { return .failure(.tooLarge(size)) }
    // Read straight into the array's uninitialized storage: no pass zeroing a buffer the read
    // overwrites (at a million tasks, 100 MB written twice).
    var failure: Int32 = 0
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
      var filled = 0
      while filled < size, let base = buffer.baseAddress {
        let n = Glibc.read(fd, base + filled, size - filled)
        if n < 0 {
          if errno == EINTR { continue }
          failure = errno
          break
        }
        if n == 0 { break }
        filled += n
      }
      initialized = filled
    }
    if failure != 0 { return .failure(.system(Self.describe(failure))) }
    return .success(bytes)
  }

  /// The path with symbolic links resolved, through realpath(3).
  public func canonicalPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// The names in the folder, through readdir(3), without `.` and `..`; empty when it cannot be opened.
  public func fileNames(in folder: String) -> [String] {
    guard let directory = opendir(folder.isEmpty ? "." : folder) else { return [] }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
      // A folder of a million files is not worth reading for a hint.
      if names.count >= 10_000 { break }
    }
    return names.sorted()
  }

  private static func describe(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}

/// Plan files held in memory, for tests and the fuzzer: paths are plain keys.
public struct MemoryFileSystem: PlanFileSystem {
  /// The files, by path.
  public var files: [String: [UInt8]]

  /// Creates a file system holding `files`.
  public init(files: [String: [UInt8]]) {
    self.files = files
  }

  /// The bytes held under the normalised path.
  public func read(_ path: String) -> Result<[UInt8], PlanFileError> {
    files[PlanPath.normalize(path)].map { .success($0) } ?? .failure(.missing)
  }

  /// The normalised path as an absolute one, when a file or folder of that name is held.
  public func canonicalPath(_ path: String) -> String? {
    let normal = PlanPath.normalize(path)
    if files[normal] != nil { return "/" + normal }
    return files.keys.contains { $0.hasPrefix(normal.isEmpty ? "" : normal + "/") } || normal.isEmpty
      ? "/" + normal : nil
  }

  /// The names of the files held directly in the folder.
  public func fileNames(in folder: String) -> [String] {
    let normal = PlanPath.normalize(folder)
    let prefix = normal.isEmpty ? "" : normal + "/"
    return files.keys.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }
      .map { String($0.dropFirst(prefix.count)) }.sorted()
  }
}

/// Lexical path arithmetic for includes: no file system access (shared with the git tree reader).
package enum PlanPath {
  /// The folder part of a path ("" for a bare file name).
  package static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return path[..<slash].isEmpty ? "/" : String(path[..<slash])
  }

  /// `name` relative to `folder`.
  package static func join(_ folder: String, _ name: String) -> String {
    if name.hasPrefix("/") || folder.isEmpty { return name }
    return folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }

  /// Removes `.` and empty components and resolves `..` where possible.
  package static func normalize(_ path: String) -> String {
    let absolute = path.hasPrefix("/")
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      if part == "." { continue }
      if part == "..", let last = parts.last, last != ".." {
        parts.removeLast()
      } else if part == ".." && absolute {
        continue
      } else {
        parts.append(part)
      }
    }
    let joined = parts.joined(separator: "/")
    return absolute ? "/" + joined : joined
  }
}
