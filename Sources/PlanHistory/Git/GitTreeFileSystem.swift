import PlanGraph

/// The plan files of one commit, read through the loader's file-system abstraction: the second
/// implementation of `PlanFileSystem` beside the disk, so includes resolve inside that revision's tree
/// with the same fencing rules and diagnostics.
///
/// Paths are the ones the user wrote (relative to the current folder, as on disk); `base` maps the
/// root plan file's folder as written to its folder in the repository. Canonical paths are the paths in
/// the tree with symbolic links resolved, under a leading `/`: an include that leaves the root folder
/// through a link is refused by the loader as it would be on disk.
public struct GitTreeFileSystem: PlanFileSystem {
  /// The repository read from.
  public let repository: GitRepository
  /// The commit whose tree is read.
  public let commit: GitCommit
  private let displayFolder: String
  private let repositoryFolder: String

  /// Reads the tree of `commit`; `displayFolder` (as written) is `repositoryFolder` (from the top of the
  /// repository, "" for the top itself) in that tree.
  public init(repository: GitRepository, commit: GitCommit, displayFolder: String, repositoryFolder: String) {
    self.repository = repository
    self.commit = commit
    self.displayFolder = PlanPath.normalizeFolder(displayFolder)
    self.repositoryFolder = PlanPath.normalizeFolder(repositoryFolder)
  }

  /// The file's bytes in the commit's tree.
  public func read(_ path: String) -> Result<[UInt8], PlanFileError> {
    guard let resolved = resolve(path) else { return .failure(.missing) }
    do {
      guard let entry = try repository.entry(resolved, in: commit.tree) else { return .failure(.missing) }
      switch entry.kind {
      case .file: return .success(try repository.blob(entry.id, limit: PlanLimits.maximumFileSize))
      case .tree: return .failure(.directory)
      case .symbolicLink, .other: return .failure(.notRegular)
      }
    } catch .tooLarge(let size) {
      return .failure(.tooLarge(size))
    } catch {
      return .failure(.system(error.description))
    }
  }

  /// `/` and the path in the tree with links resolved, when something is there.
  public func canonicalPath(_ path: String) -> String? {
    resolve(path).map { "/" + $0 }
  }

  /// The repository path of a path as written, following symbolic links inside the tree (at most 40);
  /// nil when nothing is there. A link out of the repository gives a path starting `../`.
  func resolve(_ path: String) -> String? {
    guard let start = repositoryPath(path) else { return nil }
    var pending = start.split(separator: "/").map(String.init).reversed() as [String]
    var done: [String] = []
    var hops = 0
    while let part = pending.popLast() {
      if part == "." { continue }
      if part == ".." {
        if done.isEmpty { return "../" + pending.reversed().joined(separator: "/") }
        done.removeLast()
        continue
      }
      let candidate = (done + [part]).joined(separator: "/")
      guard let entry = try? repository.entry(candidate, in: commit.tree) else { return nil }
      if entry.kind == .symbolicLink {
        hops += 1
        guard hops <= 40, let target = try? repository.blob(entry.id, limit: 4096) else { return nil }
        let text = String(decoding: target, as: UTF8.self)
        if text.hasPrefix("/") { return "../" + text }  // an absolute link leaves the tree
        pending.append(contentsOf: text.split(separator: "/").map(String.init).reversed())
        continue
      }
      done.append(part)
    }
    return done.joined(separator: "/")
  }

  /// The path from the top of the repository, lexically; nil when it cannot be mapped.
  private func repositoryPath(_ path: String) -> String? {
    let normal = PlanPath.normalize(path)
    let relative: String
    if displayFolder.isEmpty {
      relative = normal
    } else if normal == displayFolder {
      relative = ""
    } else if normal.hasPrefix(displayFolder + "/") {
      relative = String(normal.dropFirst(displayFolder.count + 1))
    } else {
      return nil
    }
    let joined = PlanPath.normalize(repositoryFolder.isEmpty ? relative : repositoryFolder + "/" + relative)
    return joined == "." ? "" : joined
  }
}

extension PlanPath {
  /// A folder path normalised, with "." and "" both meaning the current folder.
  static func normalizeFolder(_ path: String) -> String {
    let normal = normalize(path)
    return normal == "." ? "" : normal
  }
}
