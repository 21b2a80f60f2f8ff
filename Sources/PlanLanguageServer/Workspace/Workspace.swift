import PlanGraph

// FoundationEssentials, not Foundation: the command line links this module, and Foundation would load
// ICU and its own libraries (about ten milliseconds) at every start of every command.
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The plans an editor has open: documents' unsaved text over the disk, which plan each file belongs
/// to, and each plan's check and index, recomputed after edits.
final class Workspace {
  /// One plan's current state.
  final class Analysis {
    /// The root file.
    let root: String
    /// The names and places in the plan's files, read on first use: publishing diagnostics needs only
    /// the check.
    lazy var index = PlanIndex(root: root, fileSystem: fileSystem)
    /// What `plangraph check` says of the plan, with the plan and schedule when it loads.
    let check: PlanCheck
    private let fileSystem: any PlanFileSystem
    private var texts: [String: SourceText] = [:]

    init(root: String, fileSystem: any PlanFileSystem, today: Day) {
      self.root = root
      self.fileSystem = fileSystem
      check = PlanCheck(path: root, asOf: today, fileSystem: fileSystem)
    }

    /// The lines of a file of the plan, as the editor sees it.
    func text(_ path: String) -> SourceText {
      if let text = texts[path] { return text }
      var text = SourceText("")
      if case .success(let bytes) = fileSystem.read(path) { text = SourceText(String(decoding: bytes, as: UTF8.self)) }
      texts[path] = text
      return text
    }
  }

  /// The as-of date of hovers and warnings: today, as the command line passes it.
  let today: Day
  private var documents: [String: (text: String, version: Int)] = [:]
  private var fileSystem = OverlayFileSystem()
  private var analyses: [String: Analysis] = [:]
  private var rootOf: [String: String] = [:]
  /// Whether each file read so far is a root file, forgotten at every edit.
  private var rootFiles: [String: Bool] = [:]
  /// Roots whose diagnostics must be published again.
  private(set) var dirtyRoots = Set<String>()

  init(today: Day) {
    self.today = today
  }

  /// The open document's text.
  func document(_ path: String) -> String? {
    documents[path]?.text
  }

  /// Opens or replaces a document's text.
  func update(_ path: String, text: String, version: Int) {
    documents[path] = (text, version)
    fileSystem.files[path] = Array(text.utf8)
    invalidate(adding: path)
  }

  /// Closes a document: the disk's text counts again.
  func close(_ path: String) {
    documents[path] = nil
    fileSystem.files[path] = nil
    invalidate(adding: nil)
  }

  /// Reads the disk again (after a save).
  func saved(_ path: String) {
    invalidate(adding: path)
  }

  /// The plan the file at `path` belongs to, checked and indexed as it stands now.
  func analysis(for path: String) -> Analysis? {
    let root = root(for: path)
    return analysis(root: root)
  }

  /// The analysis of the plan with root file `root`, computed when out of date.
  func analysis(root: String) -> Analysis {
    if let existing = analyses[root] { return existing }
    let analysis = Analysis(root: root, fileSystem: fileSystem, today: today)
    analyses[root] = analysis
    for file in analysis.check.files { rootOf[file] = root }
    return analysis
  }

  /// The index of the plan at `root` with the 1-based `line` of `path` left blank: what completion reads
  /// while the line being typed does not parse yet.
  func index(root: String, path: String, blankingLine line: Int) -> PlanIndex {
    guard case .success(let bytes) = fileSystem.read(path) else {
      return PlanIndex(root: root, fileSystem: fileSystem)
    }
    var lines = bytes.split(separator: 10, omittingEmptySubsequences: false)
    if lines.indices.contains(line - 1) { lines[line - 1] = [] }
    var repaired = fileSystem
    repaired.files[path] = Array(lines.joined(separator: [10]))
    return PlanIndex(root: root, fileSystem: repaired)
  }

  /// Takes the roots whose diagnostics are due, clearing the list.
  func takeDirtyRoots() -> [String] {
    defer { dirtyRoots = [] }
    return dirtyRoots.sorted()
  }

  private func invalidate(adding path: String?) {
    analyses = [:]
    rootFiles = [:]
    if let path { dirtyRoots.insert(root(for: path)) }
    for path in documents.keys { dirtyRoots.insert(root(for: path)) }
  }

  /// The editor's workspace folders: the search for a file's plan stays inside them.
  var folders: [String] = []

  /// The root file of the plan that includes `path`: a file with `plan:` is its own root; else the
  /// nearest plan file in its folder or above (inside the workspace folders, else one level up) whose
  /// include tree reaches it; else the file alone.
  func root(for path: String) -> String {
    if let known = rootOf[path], analyses[known]?.check.files.contains(path) ?? true { return known }
    if isRootFile(path) { return path }
    var folder = PlanPath.directory(of: path)
    for level in 0..<8 {
      let inWorkspace = folders.contains { folder == $0 || folder.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
      if level > 0 && !inWorkspace && (level > 1 || !folders.isEmpty) { break }
      for candidate in planFiles(in: folder) where candidate != path && isRootFile(candidate) {
        let index = PlanIndex(root: candidate, fileSystem: fileSystem)
        if index.fileIndex(path) != nil {
          rootOf[path] = candidate
          return candidate
        }
      }
      if folder == "/" || folder.isEmpty { break }
      folder = PlanPath.directory(of: folder)
    }
    rootOf[path] = path
    return path
  }

  /// Whether the file is a plan's root file: it has a top-level `plan` key (a line starting `plan:` in
  /// YAML, the key `"plan"` in JSON). A YAML file that is neither that nor included by one is not a plan
  /// file, and gets no diagnostics. Looked at as text, not parsed: this runs at every edit.
  func isRootFile(_ path: String) -> Bool {
    if let known = rootFiles[path] { return known }
    var isRoot = false
    if case .success(let bytes) = fileSystem.read(path) {
      isRoot = path.hasSuffix(".json") ? Self.contains(Array(#""plan""#.utf8), in: bytes) : Self.hasPlanLine(bytes)
    }
    rootFiles[path] = isRoot
    return isRoot
  }

  private static func hasPlanLine(_ bytes: [UInt8]) -> Bool {
    let word = Array("plan:".utf8)
    var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while start < bytes.count {
      if bytes[start...].starts(with: word) { return true }
      guard let newline = bytes[start...].firstIndex(of: 10) else { return false }
      start = newline + 1
    }
    return false
  }

  private static func contains(_ word: [UInt8], in bytes: [UInt8]) -> Bool {
    guard bytes.count >= word.count else { return false }
    for start in 0...(bytes.count - word.count) where bytes[start] == word[0] {
      if bytes[start..<start + word.count].elementsEqual(word) { return true }
    }
    return false
  }

  private func planFiles(in folder: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    var found = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }.sorted()
      .map { PlanPath.join(folder, $0) }
    for path in documents.keys where PlanPath.directory(of: path) == folder && !found.contains(path) {
      found.append(path)
    }
    return found
  }
}
