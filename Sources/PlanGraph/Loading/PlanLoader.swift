/// Loads a plan: reads the root file and its includes, then checks and assembles one validated `Plan`.
///
/// Every problem of every file is reported in one run; the plan is returned only when there are no errors.
/// A one-file plan is first offered to `FastPlanReader`, which returns the same plan faster or declines,
/// and then this loader reads it as any other.
public struct PlanLoader: Sendable {
  private let fileSystem: any PlanFileSystem
  private let observer: StageObserver
  /// Whether a one-file plan (JSON or YAML) is first tried by `FastPlanReader` (off only to compare the two paths).
  package var usesFastPath = true
  /// Whether the fast path also makes the scheduler's facts of a large plan (`ScheduleFacts`), on a
  /// second thread while it builds the dependency graph (`PlanLoadResult.scheduleFacts`): for a caller
  /// that schedules the plan next (`PlanCheck`).
  package var preparesSchedule = false

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
    var unread: [UnreadInclude] = []
    // The root file is first offered to the fast path; when it declines, its bytes are read once.
    var rootBytes: [UInt8]?
    // A large JSON file on the disk is mapped instead, given back as it is read (`MappedFile`); when the
    // fast path declines it, it is read below as any other.
    var mappedTried = false
    if usesFastPath, path.hasSuffix(".json"), fileSystem is DiskFileSystem,
      let mapped = MappedFile(path: path, minimumSize: FastPlanReader.mappedMinimumSize)
    {
      mappedTried = true
      observer.end(.read)
      if var plan = FastPlanReader.readWithoutGraph(mapped: mapped, path: path, observer: observer),
        let loaded = finish(&plan, path: path)
      {
        return loaded
      }
      // A cut the two halves did not prove (a plan grouped under a few summaries, a root key after
      // `tasks`) says nothing against the plan: it is read again on one thread, from a fresh mapping.
      if mapped.droppedCut { mapped.unmap() }
      if mapped.droppedCut, let again = MappedFile(path: path, minimumSize: FastPlanReader.mappedMinimumSize),
        var plan = FastPlanReader.readWithoutGraph(mapped: again, path: path, observer: observer, split: .never),
        let loaded = finish(&plan, path: path)
      {
        return loaded
      }
    }
    if usesFastPath, !mappedTried, case .success(let bytes) = fileSystem.read(path) {
      rootBytes = bytes
      observer.end(.read)
    }
    if let bytes = rootBytes, var plan = FastPlanReader.readWithoutGraph(bytes, path: path, observer: observer) {
      // The bytes are let go before the graph is built (a cycle, rare, reads them again).
      rootBytes = nil
      if let loaded = finish(&plan, path: path) { return loaded }
    }

    // Depth-first, in `include` order: the pre-order that fixes the tasks' output order.
    var pending: [PendingFile] = [PendingFile(path: path, relativePath: fileName(path), chain: [], includedAt: nil)]
    while let next = pending.popLast() {
      let canonical = fileSystem.canonicalPath(next.path)
      if let includedAt = next.includedAt {
        guard
          checkInclude(
            next, includedAt: includedAt, canonical: canonical, root: canonicalRoot,
            seen: canonicalSeen, pending: pending.lazy.map(\.path), into: &bag, unread: &unread)
        else { continue }
      }
      let bytes: [UInt8]
      let preRead: Result<[UInt8], PlanFileError>? =
        next.includedAt == nil ? rootBytes.take().map { .success($0) } : nil
      switch preRead ?? fileSystem.read(next.path) {
      case .success(let read):
        bytes = read
      case .failure(let error):
        let location = next.includedAt ?? FileLocation(file: next.path, line: 0, column: 0)
        let code: DiagnosticCode = next.includedAt != nil && error == .missing ? .includeMissing : .unreadableFile
        // An include of '.' resolves to the root's folder, an empty path: name what was written.
        let shown = next.path.isEmpty ? (next.written ?? ".") : next.path
        let reason = next.path.isEmpty ? PlanFileError.directory.words : error.words
        bag.error(
          code, Phrase("cannot read '\(shown)': \(reason.english)", "无法读取“\(shown)”：\(reason.chinese)"),
          at: location, hint: nil)
        if next.includedAt != nil { unread.append(UnreadInclude(file: next, at: location, suggestion: nil)) }
        continue
      }
      // The root's bytes read for the fast path were counted then.
      if preRead == nil { observer.end(.read) }
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
    assembler.unreadIncludes = unread
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

  /// The fast path's plan from `path` with its dependency graph (and, when `preparesSchedule` says so,
  /// the scheduler's facts), or nil when the graph has a cycle (the full loader then reports it).
  private func finish(_ plan: inout Plan, path: String) -> PlanLoadResult? {
    var facts: ScheduleFacts?
    if preparesSchedule {
      let made = FastPlanReader.finishPreparingFacts(&plan)
      guard made.finished else { return nil }
      facts = made.facts
    } else {
      guard FastPlanReader.finish(&plan) else { return nil }
    }
    observer.end(.graph)
    var loaded = PlanLoadResult(plan: plan, diagnostics: [], sources: [:], files: [path])
    loaded.scheduleFacts = facts.take()
    return loaded
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
  /// `pending` are the files named by includes and not read yet: like those read, no guess for a missing one.
  private func checkInclude(
    _ file: PendingFile, includedAt location: FileLocation, canonical: String?, root: String?,
    seen: [String: String], pending: some Collection<String>, into bag: inout DiagnosticBag,
    unread: inout [UnreadInclude]
  ) -> Bool {
    let written = file.written ?? file.path
    if written.hasPrefix("/") || file.relativePath.hasPrefix("../") || file.relativePath == ".." {
      bag.error(
        .includeOutsideRoot,
        Phrase("'\(written)' is outside the root file's folder", "“\(written)”不在根计划文件所在的文件夹内"),
        at: location,
        hint: Phrase(
          "included files must be in the folder of the root plan file or below it",
          "被包含的文件必须放在根计划文件所在的文件夹或其子文件夹中"))
      unread.append(UnreadInclude(file: file, at: location, suggestion: nil))
      return false
    }
    guard let canonical else {
      // `include: ['.']` resolves to the root's own folder, an empty path: name what was written.
      let isFolder = file.path.isEmpty || file.relativePath.isEmpty || written == "." || written.hasSuffix("/")
      let shown = file.path.isEmpty ? written : file.path
      let reason = isFolder ? PlanFileError.directory.words : PlanFileError.missing.words
      let message = Phrase("cannot read '\(shown)': \(reason.english)", "无法读取“\(shown)”：\(reason.chinese)")
      if isFolder {
        bag.error(
          .includeMissing, message, at: location,
          hint: Phrase(
            "include plan files, such as 'union.yaml', not folders", "“include”要写计划文件（如“union.yaml”），不能写文件夹"))
        unread.append(UnreadInclude(file: file, at: location, suggestion: nil))
      } else {
        let nearest = nearestPlanFile(to: written, besides: file.path, taken: Array(seen.values) + pending)
        bag.error(
          .includeMissing, message, at: location,
          hint: nearest.map { NearestNames.didYouMean([Phrase("'\($0)'", "“\($0)”")]) },
          suggestions: nearest.map { [$0] } ?? [])
        unread.append(UnreadInclude(file: file, at: location, suggestion: nearest))
      }
      return false
    }
    if let root, !(canonical.hasPrefix(root.hasSuffix("/") ? root : root + "/")) {
      bag.error(
        .includeOutsideRoot,
        Phrase(
          "'\(written)' leads outside the root file's folder (to \(canonical))",
          "“\(written)”指向根计划文件所在文件夹之外（\(canonical)）"), at: location,
        hint: Phrase(
          "a symbolic link may not point out of the plan's folder", "符号链接不能指向计划文件夹之外"))
      unread.append(UnreadInclude(file: file, at: location, suggestion: nil))
      return false
    }
    if let earlier = seen[canonical] {
      if file.chain.contains(earlier) {
        let cycle = (file.chain.drop { $0 != earlier } + [earlier]).joined(separator: " → ")
        bag.error(
          .includeCycle, Phrase("include cycle: \(cycle)", "循环包含：\(cycle)"), at: location,
          hint: Phrase("remove one of these includes", "删去其中一处“include”"))
      } else {
        bag.error(
          .includeCycle, Phrase("'\(written)' is included twice", "“\(written)”被包含了两次"), at: location,
          hint: Phrase(
            "'\(earlier)' is already part of the plan; include each file once",
            "“\(earlier)”已经是计划的一部分；每个文件只需包含一次"))
      }
      return false
    }
    return true
  }

  /// The plan file in the folder of `path` whose name is nearest to what was written (`youth.yml` →
  /// `youth.yaml`), written the way the include wrote its folder; nil when none is close. Files already
  /// part of the plan (the root, the including file, those read so far) or about to be (named by an
  /// include not read yet, such as the next entry of the same list) are no guess: proposing one would
  /// include it twice.
  private func nearestPlanFile(to written: String, besides path: String, taken: [String]) -> String? {
    let folder = PlanPath.directory(of: path)
    let taken = Set(taken.map { PlanPath.normalize($0) })
    let names = fileSystem.fileNames(in: folder).filter {
      ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json"))
        && !taken.contains(PlanPath.normalize(PlanPath.join(folder, $0)))
    }
    let writtenName = written.split(separator: "/").last.map(String.init) ?? written
    guard let nearest = NearestNames.nearest(to: writtenName, in: names, limit: 1).first else { return nil }
    return String(written.dropLast(writtenName.count)) + nearest
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

/// An included file that was not read, with the place of the error that says so and, for a missing
/// file, the name of the file probably meant: references into it are summarised, not reported one by one.
struct UnreadInclude {
  /// The path as the `include` entry writes it.
  var written: String
  /// Where the error about it stands.
  var location: FileLocation
  /// The namespaces its tasks probably had: the file's name without extension, and the suggested file's.
  var namespaces: [String]

  fileprivate init(file: PendingFile, at location: FileLocation, suggestion: String?) {
    written = file.written ?? file.path
    self.location = location
    namespaces = [written, suggestion].compactMap { $0 }.map(UnreadInclude.stem)
  }

  /// A path's file name without its extension: `youth/plan.yaml` → `plan`, `youth.yml` → `youth`.
  static func stem(_ path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
    return String(name[..<dot])
  }
}

/// A file read and parsed, in load order.
struct LoadedFile {
  var path: String
  var parsed: ParsedFile
  var isRoot: Bool
}
