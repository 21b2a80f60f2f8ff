import PlanGraph

extension PlanLanguageServer {
  /// `textDocument/completion`: task references in `after` (siblings first, then paths in the file, then
  /// full ids, each with its name), owner ids with their names, the keys valid at the cursor, `status`
  /// and `every` values, date and duration wordings.
  func completion(_ params: JSON) throws(JSONRPC.Failure) -> JSON {
    let (analysis, path, line, column) = try cursor(params)
    let text = analysis.text(path)
    let prefix = String(String.UnicodeScalarView(text.line(line - 1).unicodeScalars.prefix(column - 1)))
    let context = CompletionContext(prefix: prefix, line: line - 1, text: text)
    let wordStart = context.wordStart
    let editRange = text.range(line: line, column: wordStart + 1, length: column - 1 - wordStart, encoding: encoding)
    var items: [CompletionItem] = []
    switch context.kind {
    case .value(let key):
      items = valueItems(key: key, path: path, line: line, analysis)
    case .key(let parent, let present):
      items = keyItems(parent: parent).filter { !present.contains($0.label) }
    case .none:
      return .array([])
    }
    return .array(items.map { $0.json(editRange: editRange) })
  }

  private func valueItems(key: String, path: String, line: Int, _ analysis: Workspace.Analysis) -> [CompletionItem] {
    let pick = language.pick
    switch key {
    case "after":
      return referenceItems(path: path, line: line, analysis)
    case "owner":
      return analysis.index.owners.map {
        CompletionItem(
          label: $0.fullID, kind: 7, detail: $0.name, filterText: $0.fullID + ($0.name.map { " " + $0 } ?? ""))
      }
    case "status":
      return TaskStatus.allCases.map { CompletionItem(label: $0.rawValue, kind: 20) }
    case "every":
      return Recurrence.allCases.map { CompletionItem(label: $0.rawValue, kind: 20) }
    case "deadline", "start", "done", "from", "until", "date":
      let year = workspace.today.year
      let wordings: [(String, String, String)] = [
        ("\(year)-12-31", "an ISO date", "具体日期"),
        ("\(year)年底", "31 December", "年底：12月31日"),
        ("\(year)年6月底前", "by the end of June", "6月30日前"),
        ("\(year)年10月中旬", "the 20th of October", "10月20日"),
        ("\(year)年第四季度", "the quarter's last day", "季度最后一天"),
        ("\(year)-Q4", "the quarter's last day", "季度最后一天"),
        ("\(year)年上半年", "30 June", "6月30日"),
        ("\(year)-H1", "30 June", "6月30日"),
        ("\(year)年内", "31 December", "12月31日"),
        ("2年内", "the plan start plus 2 years", "计划开始日起2年"),
        ("6个月内", "the plan start plus 6 months", "计划开始日起6个月"),
        ("+6m", "the plan start plus 6 months", "计划开始日起6个月"),
        ("30个工作日内", "the 30th working day from the plan start", "计划开始日起第30个工作日"),
      ]
      return wordings.enumerated().map { offset, wording in
        CompletionItem(
          label: wording.0, kind: 12, detail: pick(wording.1, wording.2), sortText: String(format3(offset)))
      }
    case "duration":
      return ["1d", "1w", "1m", "1y", "10wd", "30天", "2周", "3个月", "1年", "10个工作日"].enumerated().map {
        CompletionItem(label: $0.element, kind: 12, sortText: format3($0.offset))
      }
    default:
      return []
    }
  }

  /// Task references for an `after` list: the siblings of the task being edited, then tasks of the same
  /// file by their path in it, then every other task by full id.
  private func referenceItems(path: String, line: Int, _ analysis: Workspace.Analysis) -> [CompletionItem] {
    var index = analysis.index
    guard var file = index.fileIndex(path) else { return [] }
    if index.files[file].outline.syntaxError != nil {
      // A half-typed entry (`after: [` before its bracket closes) stops the file there: read it again
      // without the cursor's line, so that the tasks below it are offered too.
      let repaired = workspace.index(root: analysis.root, path: path, blankingLine: line)
      if let found = repaired.fileIndex(path), repaired.files[found].outline.syntaxError == nil {
        index = repaired
        file = found
      }
    }
    var editing: Int?
    for (i, task) in index.tasks.enumerated() where task.file == file && task.node.line <= line {
      if task.node.endLine >= line || task.node.endLine == task.node.line { editing = i }
    }
    let siblings =
      editing.flatMap { index.tasks[$0].parent.map { index.tasks[$0].children } } ?? index.files[file].topTasks
    let siblingSet = Set(siblings)
    var items: [CompletionItem] = []
    for task in siblings where task != editing && !index.tasks[task].id.isEmpty {
      items.append(CompletionItem(label: index.tasks[task].id, kind: 18, detail: index.tasks[task].name, sortText: "0"))
    }
    let namespace = index.files[file].namespace.map { $0 + "." } ?? ""
    for (i, task) in index.tasks.enumerated() where i != editing && !siblingSet.contains(i) && !task.id.isEmpty {
      if task.file == file, !namespace.isEmpty, task.fullID.hasPrefix(namespace) {
        items.append(
          CompletionItem(
            label: String(task.fullID.dropFirst(namespace.count)), kind: 18, detail: task.name, sortText: "1"))
      } else {
        items.append(CompletionItem(label: task.fullID, kind: 18, detail: task.name, sortText: "2"))
      }
    }
    return items
  }

  private func keyItems(parent: String?) -> [CompletionItem] {
    let keys: [String]
    switch parent {
    case nil: keys = FileKey.allCases.map(\.rawValue)
    case "tasks": keys = TaskKey.allCases.map(\.rawValue)
    case "owners", "units": keys = OwnerKey.allCases.map(\.rawValue)
    case "target": keys = TargetKey.allCases.map(\.rawValue)
    case "measurements": keys = MeasurementKey.allCases.map(\.rawValue)
    default: keys = []
    }
    return keys.enumerated().map {
      CompletionItem(label: $0.element, kind: 10, insertText: $0.element + ": ", sortText: format3($0.offset))
    }
  }

  private func format3(_ number: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, 3 - digits.count)) + digits
  }
}

/// One completion proposal.
struct CompletionItem {
  var label: String
  /// LSP's `CompletionItemKind`.
  var kind: Int
  var detail: String? = nil
  var insertText: String? = nil
  var sortText: String? = nil
  var filterText: String? = nil

  func json(editRange: JSON) -> JSON {
    var item: [String: JSON] = [
      "label": .string(label), "kind": .int(kind),
      "textEdit": ["range": editRange, "newText": .string(insertText ?? label)],
    ]
    if let detail { item["detail"] = .string(detail) }
    if let sortText { item["sortText"] = .string(sortText + label) }
    if let filterText { item["filterText"] = .string(filterText) }
    return .object(item)
  }
}

/// Where the cursor stands, read from the text before it on its line and the lines above: in the value of
/// a key, or where a key of some mapping goes.
struct CompletionContext {
  enum Kind: Equatable {
    /// In the value of `key` (or an item of its list).
    case value(String)
    /// Where a key goes, in a mapping under `parent` (nil: the file's top level), with the keys present.
    case key(parent: String?, present: Set<String>)
    case none
  }

  var kind = Kind.none
  /// The 0-based scalar column where the word being typed starts.
  var wordStart = 0

  init(prefix: String, line: Int, text: SourceText) {
    let scalars = Array(prefix.unicodeScalars)
    var start = scalars.count
    while start > 0, !" \t[,:{".unicodeScalars.contains(scalars[start - 1]) { start -= 1 }
    wordStart = start
    let indent = scalars.prefix { $0 == " " }.count
    var body = Substring(prefix).dropFirst(indent)
    var keyColumn = indent
    var isItem = false
    if body.hasPrefix("- ") || body == "-" {
      body = body.dropFirst(2).drop { $0 == " " }
      keyColumn = scalars.count - body.unicodeScalars.count
      isItem = true
    }
    if let colon = body.firstIndex(of: ":") {
      kind = .value(String(body[..<colon]).trimmingCharacters())
      return
    }
    if isItem, let parent = Self.parentKey(above: line, column: indent, text: text, allowSameColumn: true),
      !["tasks", "owners", "units", "measurements"].contains(parent)
    {
      kind = .value(parent)
      return
    }
    guard body.allSatisfy({ $0.isLetter || $0 == "_" }) else { return }
    var present = Set<String>()
    var parent: String?
    var found = false
    var i = line - 1
    while i >= 0, !found {
      defer { i -= 1 }
      let (column, key, item) = Self.shape(text.line(i))
      guard let column else { continue }
      let itemKeyColumn = item ? column + 2 : column
      if itemKeyColumn == keyColumn, let key {
        present.insert(key)
        if item {
          parent = Self.parentKey(above: i, column: column, text: text, allowSameColumn: true)
          found = true
        }
      } else if column < keyColumn {
        parent = key
        found = true
      }
    }
    var j = line + 1
    while j < text.lineCount {
      let (column, key, item) = Self.shape(text.line(j))
      j += 1
      guard let column else { continue }
      if column < keyColumn || item && column + 2 <= keyColumn { break }
      if column == keyColumn, let key { present.insert(key) }
    }
    kind = .key(parent: found ? parent : nil, present: present)
  }

  /// A line's content column, its key (if it has one) and whether it starts a list item; nil column for a
  /// blank or comment line.
  static func shape(_ line: Substring) -> (column: Int?, key: String?, item: Bool) {
    let indent = line.prefix { $0 == " " }.count
    var body = line.dropFirst(indent)
    if body.isEmpty || body.hasPrefix("#") { return (nil, nil, false) }
    let item = body.hasPrefix("- ") || body == "-"
    if item { body = body.dropFirst(2).drop { $0 == " " } }
    guard let colon = body.firstIndex(of: ":") else { return (indent, nil, item) }
    let key = String(body[..<colon]).trimmingCharacters()
    return (indent, key.contains(" ") || key.contains("\"") ? nil : key, item)
  }

  /// The key whose block holds a line at `column` below `line`: the nearest line above indented less
  /// (or as much, for YAML's unindented lists) that ends with `key:`.
  static func parentKey(above line: Int, column: Int, text: SourceText, allowSameColumn: Bool) -> String? {
    var i = line - 1
    while i >= 0 {
      defer { i -= 1 }
      let (lineColumn, key, item) = shape(text.line(i))
      guard let lineColumn else { continue }
      let keyColumn = item ? lineColumn + 2 : lineColumn
      if keyColumn < column || (allowSameColumn && keyColumn == column && !item && key != nil) {
        let body = text.line(i).drop { $0 == " " }
        if let key, body.hasSuffix(key + ":") || body.hasSuffix(key + ": ") { return key }
        if keyColumn < column { return nil }
      }
    }
    return nil
  }
}

extension String {
  fileprivate func trimmingCharacters() -> String {
    var result = Substring(self)
    while result.first == " " { result = result.dropFirst() }
    while result.last == " " { result = result.dropLast() }
    return String(result)
  }
}
