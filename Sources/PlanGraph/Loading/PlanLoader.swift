/// Loads a plan: reads the root file and its includes, then checks and assembles one validated `Plan`.
///
/// Every problem of every file is reported in one run; the plan is returned only when there are no errors.
public struct PlanLoader: Sendable {
  private let fileSystem: any PlanFileSystem
  private let observer: StageObserver

  /// Creates a loader reading from `fileSystem` (the disk by default), telling `observer` as each stage
  /// of loading ends.
  public init(fileSystem: any PlanFileSystem = DiskFileSystem(), observer: StageObserver = .none) {
    self.fileSystem = fileSystem
    self.observer = observer
  }

  /// Loads the plan whose root file is at `path`.
  public func load(path: String) -> PlanLoadResult {
    var bag = DiagnosticBag()
    var files: [LoadedFile] = []
    var builder = PlanBuilder()
    let rootFolder = PlanPath.directory(of: path)
    let canonicalRoot = fileSystem.canonicalPath(rootFolder.isEmpty ? "." : rootFolder)
    var canonicalSeen: [String: String] = [:]  // canonical path → display path

    // Depth-first, in `include` order: the pre-order that fixes the tasks' output order.
    var pending: [PendingFile] = [PendingFile(path: path, relativePath: fileName(path), chain: [], includedAt: nil)]
    while let next = pending.popLast() {
      let canonical = fileSystem.canonicalPath(next.path)
      if let includedAt = next.includedAt {
        guard
          checkInclude(
            next, includedAt: includedAt, canonical: canonical, root: canonicalRoot,
            seen: canonicalSeen, into: &bag)
        else { continue }
      }
      let bytes: [UInt8]
      switch fileSystem.read(next.path) {
      case .success(let read):
        bytes = read
      case .failure(let error):
        let location = next.includedAt ?? FileLocation(file: next.path, line: 0, column: 0)
        let code: DiagnosticCode = next.includedAt != nil && error == .missing ? .includeMissing : .unreadableFile
        // An include of '.' resolves to the root's folder, an empty path: name what was written.
        let shown = next.path.isEmpty ? (next.written ?? ".") : next.path
        let reason = next.path.isEmpty ? PlanFileError.directory.reason : error.reason
        bag.error(code, "cannot read '\(shown)': \(reason)", at: location)
        continue
      }
      observer.end(.read)
      if let canonical { canonicalSeen[canonical] = next.path }
      let fileIndex = Int32(files.count)
      var (parsed, fileBag) = parse(
        bytes, path: next.path, fileIndex: fileIndex, isRoot: next.includedAt == nil, builder: &builder)
      bag.merge(fileBag)
      observer.end(.parse)
      let includes = parsed.includes
      parsed.includes = []
      files.append(LoadedFile(path: next.path, parsed: parsed, isRoot: next.includedAt == nil))
      let folder = PlanPath.directory(of: next.path)
      let relativeFolder = PlanPath.directory(of: next.relativePath)
      for include in includes.reversed() {
        let location = FileLocation(
          file: next.path, line: Int(include.position.line), column: Int(include.position.column),
          length: Int(include.position.length))
        pending.append(
          PendingFile(
            path: PlanPath.normalize(PlanPath.join(folder, include.text)),
            relativePath: PlanPath.normalize(PlanPath.join(relativeFolder, include.text)),
            chain: next.chain + [next.path], includedAt: location, written: include.text))
      }
    }

    var assembler = PlanAssembler(files: files, builder: builder, bag: bag)
    assembler.observer = observer
    builder = PlanBuilder()
    let plan = assembler.assemble()
    let diagnostics = assembler.bag.sorted(fileOrder: files.map(\.path))
    // The text of the files that diagnostics point into, read again: a large plan's bytes are let go
    // as soon as it is parsed, instead of being held through assembly and scheduling.
    var sources: [String: [UInt8]] = [:]
    for file in Set(diagnostics.map(\.location.file)) {
      if case .success(let bytes) = fileSystem.read(file) { sources[file] = bytes }
    }
    return PlanLoadResult(
      plan: assembler.bag.hasErrors ? nil : plan, diagnostics: diagnostics, sources: sources,
      files: files.map(\.path))
  }

  /// Loads a plan from text in memory, as if read from `path` (for tests, tools and the fuzzer).
  public static func load(text: String, path: String = "plan.yaml") -> PlanLoadResult {
    PlanLoader(fileSystem: MemoryFileSystem(files: [PlanPath.normalize(path): Array(text.utf8)])).load(path: path)
  }

  private func parse(
    _ bytes: [UInt8], path: String, fileIndex: Int32, isRoot: Bool, builder: inout PlanBuilder
  ) -> (ParsedFile, DiagnosticBag) {
    // A UTF-8 byte-order mark is allowed and skipped; libyaml, told the encoding, would read it as text.
    // Both readers start after it rather than on a copy without it (a second file-sized buffer), and
    // count lines, columns and byte offsets from there.
    let textStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let text = bytes[textStart...]
    if path.hasSuffix(".json") {
      // JSON has no aliases; the byte-level reader is several times faster than libyaml on it.
      let reader = JSONEventReader(bytes: bytes, from: textStart)
      return parse(reader, text: text, path: path, fileIndex: fileIndex, isRoot: isRoot, builder: &builder)
    }
    let reader = AliasExpander(LibYAMLEventReader(text: text))
    return parse(reader, text: text, path: path, fileIndex: fileIndex, isRoot: isRoot, builder: &builder)
  }

  /// Reads one file's events, from either reader, into the plan under construction.
  private func parse<Source: YAMLEventSource>(
    _ source: Source, text: ArraySlice<UInt8>, path: String, fileIndex: Int32, isRoot: Bool,
    builder: inout PlanBuilder
  ) -> (ParsedFile, DiagnosticBag) {
    // The builder moves into the parser and back: the loader lets go of it before parsing starts,
    // so that its arrays are never shared, and never copied when the parser appends to them.
    var parser = PlanFileParser(
      cursor: EventCursor(source: source, path: path, fileIndex: fileIndex), text: text, builder: builder,
      isRoot: isRoot)
    builder = PlanBuilder()
    let result = parser.parse()
    builder = parser.builder
    return result
  }

  private func fileName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  /// Refuses includes that leave the root folder or repeat a file; reports them at the `include` entry.
  private func checkInclude(
    _ file: PendingFile, includedAt location: FileLocation, canonical: String?, root: String?,
    seen: [String: String], into bag: inout DiagnosticBag
  ) -> Bool {
    let written = file.written ?? file.path
    if written.hasPrefix("/") || file.relativePath.hasPrefix("../") || file.relativePath == ".." {
      bag.error(
        .includeOutsideRoot, "'\(written)' is outside the root file's folder", at: location,
        hint: "included files must be in the folder of the root plan file or below it")
      return false
    }
    guard let canonical else {
      // `include: ['.']` resolves to the root's own folder, an empty path: name what was written.
      let isFolder = file.path.isEmpty || file.relativePath.isEmpty || written == "." || written.hasSuffix("/")
      bag.error(
        .includeMissing,
        "cannot read '\(file.path.isEmpty ? written : file.path)': "
          + (isFolder ? PlanFileError.directory.reason : PlanFileError.missing.reason), at: location,
        hint: isFolder ? "include plan files, such as 'union.yaml', not folders" : nil)
      return false
    }
    if let root, !(canonical.hasPrefix(root.hasSuffix("/") ? root : root + "/")) {
      bag.error(
        .includeOutsideRoot, "'\(written)' leads outside the root file's folder (to \(canonical))", at: location,
        hint: "a symbolic link may not point out of the plan's folder")
      return false
    }
    if let earlier = seen[canonical] {
      if file.chain.contains(earlier) {
        let cycle = (file.chain.drop { $0 != earlier } + [earlier]).joined(separator: " → ")
        bag.error(.includeCycle, "include cycle: \(cycle)", at: location, hint: "remove one of these includes")
      } else {
        bag.error(
          .includeCycle, "'\(written)' is included twice", at: location,
          hint: "'\(earlier)' is already part of the plan; include each file once")
      }
      return false
    }
    return true
  }
}

/// A file waiting to be read, with how it was reached.
private struct PendingFile {
  var path: String
  /// The path relative to the root file's folder, to tell whether it leaves it.
  var relativePath: String
  /// The display paths of the files that include it, root first.
  var chain: [String]
  /// The `include` entry that names it; nil for the root file.
  var includedAt: FileLocation?
  /// The path as the `include` entry writes it.
  var written: String? = nil
}

/// A file read and parsed, in load order.
struct LoadedFile {
  var path: String
  var parsed: ParsedFile
  var isRoot: Bool
}
