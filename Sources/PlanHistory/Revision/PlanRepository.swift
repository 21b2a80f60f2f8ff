import PlanGraph

/// A plan file and the repository that holds it: reads the plan as it was at any revision.
///
/// The plan's folder is located in the repository once; each revision is then a `GitTreeFileSystem`
/// over that commit's tree, handed to the ordinary loader.
public struct PlanRepository: Sendable {
  /// The repository.
  public let repository: GitRepository
  /// The root plan file as written.
  public let planPath: String
  /// The root plan file's folder from the top of the repository ("" at the top).
  public let repositoryFolder: String
  private let displayFolder: String

  /// Finds the repository holding `planPath` (which need not exist in the working tree any more).
  public init(planPath: String) throws(GitError) {
    self.planPath = planPath
    displayFolder = PlanPath.directory(of: planPath)
    // The nearest folder that exists on disk, canonical, and what lies below it.
    var folder = displayFolder
    var below: [String] = []
    let disk = DiskFileSystem()
    var canonical = disk.canonicalPath(folder.isEmpty ? "." : folder)
    while canonical == nil, !folder.isEmpty, folder != "/" {
      below.insert(String(folder.split(separator: "/").last ?? ""), at: 0)
      folder = PlanPath.directory(of: folder)
      canonical = disk.canonicalPath(folder.isEmpty ? "." : folder)
    }
    guard let existing = canonical else { throw .notARepository(planPath) }
    let repository: GitRepository
    do {
      repository = try GitRepository.discover(containing: existing)
    } catch {
      throw .notARepository(planPath)
    }
    guard let workdir = repository.workdir, (existing + "/").hasPrefix(workdir) else {
      throw .notARepository(planPath)
    }
    self.repository = repository
    let inside = String((existing + "/").dropFirst(workdir.count))
    repositoryFolder = PlanPath.normalizeFolder(inside + below.joined(separator: "/"))
  }

  /// The plan's root file from the top of the repository.
  public var repositoryPlanPath: String {
    let name = String(planPath.split(separator: "/").last ?? "")
    return repositoryFolder.isEmpty ? name : repositoryFolder + "/" + name
  }

  /// The files of `commit`, as the loader reads them.
  public func fileSystem(at commit: GitCommit) -> GitTreeFileSystem {
    GitTreeFileSystem(
      repository: repository, commit: commit, displayFolder: displayFolder, repositoryFolder: repositoryFolder)
  }

  /// The commit `revision` names; `GitError.noCommits` when the repository has none yet.
  public func commit(_ revision: String) throws(GitError) -> GitCommit {
    do {
      return try repository.commit(revision)
    } catch {
      if case .unknownRevision = error, repository.headIsUnborn { throw .noCommits }
      throw error
    }
  }

  /// The plan checked and scheduled as it was at `commit` (as of `asOf`, nil: the plan start); refuses a
  /// commit in which the root plan file does not exist. Diagnostics carry the paths as written.
  public func check(at commit: GitCommit, revision: String, asOf: Day?, window: Int = Schedule.defaultWindow)
    throws(GitError) -> PlanCheck
  {
    let files = fileSystem(at: commit)
    guard case .file = try? repository.entry(files.resolve(planPath) ?? repositoryPlanPath, in: commit.tree)?.kind
    else { throw .planMissing(path: planPath, revision: revision) }
    return PlanCheck(path: planPath, asOf: asOf, window: window, lint: false, fileSystem: files)
  }

  /// The id of the plan folder's tree at `commit`: every file a plan may include lies below it, so two
  /// commits with the same id hold the same plan. Nil when the folder does not exist there.
  public func folderTree(at commit: GitCommit) -> GitObjectID? {
    (try? repository.entry(repositoryFolder, in: commit.tree)).flatMap { $0?.kind == .tree ? $0?.id : nil }
  }

  /// The plan as committed on or before `day`: the newest commit on the first-parent chain from `tip`
  /// (the main line, where merges land) authored on or before `day`. A side branch's commit is not the
  /// main line's state on its day: its work arrived only when it was merged.
  public func commit(onOrBefore day: Day, from tip: GitCommit) throws(GitError) -> GitCommit? {
    let all = try repository.log(from: tip.id)
    let byID = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var current = byID[tip.id]
    while let commit = current {
      if commit.day <= day { return commit }
      current = commit.parents.first.flatMap { byID[$0] }
    }
    return nil
  }

  /// The commits reachable from `tip` that changed the plan's folder (as `git log -- folder` lists them:
  /// a merge is listed only when its folder differs from every parent's), newest first.
  public func commitsTouchingPlan(from tip: GitCommit) throws(GitError) -> [GitCommit] {
    let all = try repository.log(from: tip.id)
    var folderByCommit: [GitObjectID: GitObjectID?] = [:]
    for commit in all { folderByCommit[commit.id] = folderTree(at: commit) }
    return all.filter { commit in
      let own = folderByCommit[commit.id] ?? nil
      if commit.parents.isEmpty { return own != nil }
      return commit.parents.allSatisfy { parent in (folderByCommit[parent] ?? nil) != own }
    }
  }
}

/// A plan path with an optional revision, as `PLAN@REV` writes it.
public struct PlanReference: Hashable, Sendable {
  /// The plan file.
  public var path: String
  /// The revision, nil for the working tree.
  public var revision: String?

  /// Splits `plan.yaml@HEAD~1` after the plan file's extension (`.yaml`, `.yml`, `.json`), so that
  /// neither folders nor revisions (`main@{2}`) with an `@` are cut in the wrong place.
  public init(_ text: String) {
    let scalars = Array(text.utf8)
    var cut: Int?
    for suffix in [".yaml@", ".yml@", ".json@"] {
      let pattern = Array(suffix.utf8)
      guard scalars.count >= pattern.count else { continue }
      for start in stride(from: scalars.count - pattern.count, through: 0, by: -1)
      where scalars[start..<start + pattern.count].elementsEqual(pattern) {
        cut = max(cut ?? 0, start + pattern.count - 1)
        break
      }
    }
    guard let cut else {
      path = text
      revision = nil
      return
    }
    path = String(decoding: scalars[..<cut], as: UTF8.self)
    revision = String(decoding: scalars[(cut + 1)...], as: UTF8.self)
  }

  /// Creates a reference from its parts.
  public init(path: String, revision: String?) {
    self.path = path
    self.revision = revision
  }
}
