internal import CGit2
import PlanGraph
import Synchronization

/// A git repository opened through libgit2: the only code that touches the C library.
///
/// It reads commits, trees and blobs (and, for the tests' throwaway repositories, writes them); every
/// libgit2 object is freed with `defer`, every failure becomes a `GitError`. libgit2 objects must not be
/// used from two threads at once, so every call runs under the repository's own lock.
public final class GitRepository: @unchecked Sendable {
  private let pointer: OpaquePointer
  private let lock = Mutex(())
  /// The working tree's folder, canonical and ending in `/`; nil for a bare repository.
  public let workdir: String?

  private init(pointer: OpaquePointer) {
    self.pointer = pointer
    if let raw = git_repository_workdir(pointer) {
      let text = String(cString: raw)
      let canonical = DiskFileSystem().canonicalPath(text) ?? text
      workdir = canonical.hasSuffix("/") ? canonical : canonical + "/"
    } else {
      workdir = nil
    }
  }

  deinit { git_repository_free(pointer) }

  /// The repository that holds `path` (a file or folder, which must exist), searching upwards as git does.
  public static func discover(containing path: String) throws(GitError) -> GitRepository {
    GitLibrary.initialize()
    var buffer = git_buf()
    defer { git_buf_dispose(&buffer) }
    guard git_repository_discover(&buffer, path, 0, nil) == 0, let found = buffer.ptr else {
      throw .notARepository(path)
    }
    var repository: OpaquePointer?
    try check(git_repository_open(&repository, found), "cannot open the repository at \(String(cString: found))")
    guard let repository else { throw .library("cannot open the repository at \(String(cString: found))") }
    return GitRepository(pointer: repository)
  }

  /// Creates an empty repository with a working tree at `path` (for tests and benchmarks).
  package static func create(at path: String) throws(GitError) -> GitRepository {
    GitLibrary.initialize()
    var repository: OpaquePointer?
    try check(git_repository_init(&repository, path, 0), "cannot create a repository at \(path)")
    guard let repository else { throw .library("cannot create a repository at \(path)") }
    return GitRepository(pointer: repository)
  }

  /// The commit a revision names: anything git accepts (an id, a tag, a branch, `HEAD~3`, `main@{1}`).
  public func commit(_ revision: String) throws(GitError) -> GitCommit {
    try lock.withLock { _ throws(GitError) in
      var object: OpaquePointer?
      guard git_revparse_single(&object, pointer, revision) == 0, let object else {
        throw .unknownRevision(revision)
      }
      defer { git_object_free(object) }
      var peeled: OpaquePointer?
      guard git_object_peel(&peeled, object, GIT_OBJECT_COMMIT) == 0, let peeled else {
        throw .unknownRevision(revision)
      }
      defer { git_object_free(peeled) }
      return Self.describe(commit: peeled)
    }
  }

  /// The commit with this id.
  public func commit(id: GitObjectID) throws(GitError) -> GitCommit {
    try lock.withLock { _ throws(GitError) in
      var oid = id.oid
      var commit: OpaquePointer?
      try Self.check(git_commit_lookup(&commit, pointer, &oid), "no commit \(id)")
      guard let commit else { throw .library("no commit \(id)") }
      defer { git_commit_free(commit) }
      return Self.describe(commit: commit)
    }
  }

  /// What is at `path` (relative to the repository's top, `/`-separated) in the tree `tree`; nil when nothing.
  public func entry(_ path: String, in tree: GitObjectID) throws(GitError) -> GitEntry? {
    try lock.withLock { _ throws(GitError) in
      var oid = tree.oid
      var treeObject: OpaquePointer?
      try Self.check(git_tree_lookup(&treeObject, pointer, &oid), "no tree \(tree)")
      guard let treeObject else { throw .library("no tree \(tree)") }
      defer { git_tree_free(treeObject) }
      if path.isEmpty { return GitEntry(id: tree, kind: .tree) }
      var entry: OpaquePointer?
      let code = git_tree_entry_bypath(&entry, treeObject, path)
      if code == GIT_ENOTFOUND.rawValue { return nil }
      try Self.check(code, "cannot read '\(path)'")
      guard let entry else { return nil }
      defer { git_tree_entry_free(entry) }
      let id = GitObjectID(oid: git_tree_entry_id(entry).pointee)
      let kind: GitEntry.Kind
      switch git_tree_entry_filemode(entry) {
      case GIT_FILEMODE_TREE: kind = .tree
      case GIT_FILEMODE_LINK: kind = .symbolicLink
      case GIT_FILEMODE_BLOB, GIT_FILEMODE_BLOB_EXECUTABLE: kind = .file
      default: kind = .other
      }
      return GitEntry(id: id, kind: kind)
    }
  }

  /// The bytes of a blob, refusing one larger than `limit`.
  public func blob(_ id: GitObjectID, limit: Int) throws(GitError) -> [UInt8] {
    try lock.withLock { _ throws(GitError) in
      var oid = id.oid
      var blob: OpaquePointer?
      try Self.check(git_blob_lookup(&blob, pointer, &oid), "no blob \(id)")
      guard let blob else { throw .library("no blob \(id)") }
      defer { git_blob_free(blob) }
      let size = Int(git_blob_rawsize(blob))
      guard size <= limit else { throw .tooLarge(size) }
      guard size > 0, let raw = git_blob_rawcontent(blob) else { return [] }
      return Array(UnsafeRawBufferPointer(start: raw, count: size))
    }
  }

  /// Whether `HEAD` names a branch with no commit yet (a repository just created by `git init`).
  public var headIsUnborn: Bool {
    lock.withLock { _ in git_repository_head_unborn(pointer) == 1 }
  }

  /// The commits reachable from `tip`, newest first (topological, then by time), stopping at `limit`.
  ///
  /// Walked here rather than by libgit2's revwalk, which stops at the first parent it cannot read: in a
  /// shallow clone (`git clone --depth 1`) the oldest commits name parents that were never fetched. Such a
  /// parent is dropped, so its child is a root, where the plan first appears, as `git log` shows it.
  public func log(from tip: GitObjectID, limit: Int = 1_000_000) throws(GitError) -> [GitCommit] {
    try lock.withLock { _ throws(GitError) in
      var found: [GitObjectID: GitCommit] = [:]
      var pending = [tip]
      var seen: Set<GitObjectID> = [tip]
      while let id = pending.popLast() {
        var oid = id.oid
        var commit: OpaquePointer?
        let code = git_commit_lookup(&commit, pointer, &oid)
        if code == GIT_ENOTFOUND.rawValue && id != tip { continue }  // beyond a shallow clone's edge
        try Self.check(code, "cannot read the commit \(id)")
        guard let commit else { continue }
        defer { git_commit_free(commit) }
        let described = Self.describe(commit: commit)
        found[id] = described
        for parent in described.parents where seen.insert(parent).inserted { pending.append(parent) }
      }
      // Children before parents; among the commits ready, the newest first.
      var waiting: [GitObjectID: Int] = [:]
      let present = Set(found.keys)
      for id in present { found[id]?.parents.removeAll { !present.contains($0) } }
      for commit in found.values { for parent in commit.parents { waiting[parent, default: 0] += 1 } }
      var ready = CommitHeap()
      if let first = found[tip] { ready.push(first) }
      var commits: [GitCommit] = []
      while commits.count < limit, let commit = ready.pop() {
        commits.append(commit)
        for parent in commit.parents {
          waiting[parent, default: 1] -= 1
          if waiting[parent] == 0, let next = found[parent] { ready.push(next) }
        }
      }
      return commits
    }
  }

  /// Writes a commit whose tree holds exactly `files` (path → bytes; `links` are symbolic links, path →
  /// target), with `parents`, and points `HEAD`'s branch at it (for tests and benchmarks: throwaway
  /// repositories built without running `git`).
  package func writeCommit(
    files: [String: [UInt8]], links: [String: String] = [:], message: String, author: String, email: String,
    time: Int64, offsetMinutes: Int32 = 480,
    parents: [GitObjectID], updateHead: Bool = true
  ) throws(GitError) -> GitObjectID {
    try lock.withLock { _ throws(GitError) in
      var entries = files.mapValues { TreeItem(bytes: $0, isLink: false) }
      for (path, target) in links { entries[path] = TreeItem(bytes: Array(target.utf8), isLink: true) }
      let tree = try writeTree(entries)
      var treeOID = tree.oid
      var treeObject: OpaquePointer?
      try Self.check(git_tree_lookup(&treeObject, pointer, &treeOID), "cannot read the new tree")
      defer { git_tree_free(treeObject) }
      var signature: UnsafeMutablePointer<git_signature>?
      try Self.check(git_signature_new(&signature, author, email, time, offsetMinutes), "bad signature")
      defer { git_signature_free(signature) }
      var parentObjects: [OpaquePointer?] = []
      defer { for parent in parentObjects { git_commit_free(parent) } }
      for parent in parents {
        var oid = parent.oid
        var object: OpaquePointer?
        try Self.check(git_commit_lookup(&object, pointer, &oid), "no parent \(parent)")
        parentObjects.append(object)
      }
      var out = git_oid()
      let code = parentObjects.withUnsafeMutableBufferPointer { buffer in
        git_commit_create(
          &out, pointer, updateHead ? "HEAD" : nil, signature, signature, nil, message, treeObject, buffer.count,
          buffer.baseAddress)
      }
      try Self.check(code, "cannot write the commit")
      return GitObjectID(oid: out)
    }
  }

  /// Points a lightweight tag at a commit (for tests).
  package func tag(_ name: String, at commit: GitObjectID) throws(GitError) {
    try lock.withLock { _ throws(GitError) in
      var oid = commit.oid
      var object: OpaquePointer?
      try Self.check(git_object_lookup(&object, pointer, &oid, GIT_OBJECT_COMMIT), "no commit \(commit)")
      defer { git_object_free(object) }
      var tagOID = git_oid()
      try Self.check(git_tag_create_lightweight(&tagOID, pointer, name, object, 1), "cannot tag \(name)")
    }
  }

  /// Writes the tree of `files`, one folder level at a time (paths are a few components deep).
  private func writeTree(_ files: [String: TreeItem]) throws(GitError) -> GitObjectID {
    var builder: OpaquePointer?
    try Self.check(git_treebuilder_new(&builder, pointer, nil), "cannot build a tree")
    defer { git_treebuilder_free(builder) }
    var folders: [String: [String: TreeItem]] = [:]
    for (path, item) in files {
      if let slash = path.firstIndex(of: "/") {
        folders[String(path[..<slash]), default: [:]][String(path[path.index(after: slash)...])] = item
      } else {
        var oid = git_oid()
        let code = item.bytes.withUnsafeBytes {
          git_blob_create_from_buffer(&oid, pointer, $0.baseAddress, $0.count)
        }
        try Self.check(code, "cannot write \(path)")
        let mode = item.isLink ? GIT_FILEMODE_LINK : GIT_FILEMODE_BLOB
        try Self.check(git_treebuilder_insert(nil, builder, path, &oid, mode), "cannot add \(path)")
      }
    }
    for (name, contents) in folders {
      var oid = try writeTree(contents).oid
      try Self.check(git_treebuilder_insert(nil, builder, name, &oid, GIT_FILEMODE_TREE), "cannot add \(name)")
    }
    var out = git_oid()
    try Self.check(git_treebuilder_write(&out, builder), "cannot write a tree")
    return GitObjectID(oid: out)
  }

  private static func describe(commit: OpaquePointer) -> GitCommit {
    let id = GitObjectID(oid: git_commit_id(commit).pointee)
    let tree = GitObjectID(oid: git_commit_tree_id(commit).pointee)
    var parents: [GitObjectID] = []
    for index in 0..<git_commit_parentcount(commit) {
      if let parent = git_commit_parent_id(commit, index) { parents.append(GitObjectID(oid: parent.pointee)) }
    }
    let author = git_commit_author(commit)
    let name = author.flatMap { $0.pointee.name.map { String(cString: $0) } } ?? ""
    let email = author.flatMap { $0.pointee.email.map { String(cString: $0) } } ?? ""
    let message = git_commit_message(commit).map { String(cString: $0) } ?? ""
    let seconds = author.map { Int64($0.pointee.when.time) } ?? Int64(git_commit_time(commit))
    let offset = author.map { Int($0.pointee.when.offset) } ?? Int(git_commit_time_offset(commit))
    return GitCommit(
      id: id, tree: tree, parents: parents, author: name, email: email, time: seconds, offsetMinutes: offset,
      message: message)
  }

  private static func check(_ code: Int32, _ what: @autoclosure () -> String) throws(GitError) {
    guard code < 0 else { return }
    var detail = ""
    if let error = git_error_last(), let message = error.pointee.message {
      detail = ": " + String(cString: message)
    }
    throw .library(what() + detail)
  }
}

/// A max-heap of commits by time (ties by id), for the order of `GitRepository.log`.
private struct CommitHeap {
  private var items: [GitCommit] = []

  private static func before(_ a: GitCommit, _ b: GitCommit) -> Bool {
    a.time != b.time ? a.time > b.time : a.id.description > b.id.description
  }

  mutating func push(_ commit: GitCommit) {
    items.append(commit)
    var child = items.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard Self.before(items[child], items[parent]) else { break }
      items.swapAt(child, parent)
      child = parent
    }
  }

  mutating func pop() -> GitCommit? {
    guard !items.isEmpty else { return nil }
    items.swapAt(0, items.count - 1)
    let top = items.removeLast()
    var parent = 0
    while true {
      var best = parent
      for child in [2 * parent + 1, 2 * parent + 2] where child < items.count && Self.before(items[child], items[best])
      {
        best = child
      }
      if best == parent { break }
      items.swapAt(parent, best)
      parent = best
    }
    return top
  }
}

/// A file or symbolic link to write into a tree.
private struct TreeItem {
  var bytes: [UInt8]
  var isLink: Bool
}

/// libgit2's one-time global set-up, done once per process.
private enum GitLibrary {
  static let initialized: Bool = git_libgit2_init() >= 0 && pg_git_skip_hash_verification() >= 0

  static func initialize() { _ = initialized }
}

extension GitObjectID {
  fileprivate init(oid: git_oid) {
    var value = oid
    bytes = withUnsafeBytes(of: &value.id) { Array($0) }
  }

  fileprivate var oid: git_oid {
    var value = git_oid()
    withUnsafeMutableBytes(of: &value.id) { target in
      for (i, byte) in bytes.enumerated() where i < target.count { target[i] = byte }
    }
    return value
  }
}
