/// Reads a `warnings:` list (the root plan file's, or a `--rules` file's) from events, reporting every
/// problem at its place: unknown keys, missing names and colours, bad numbers and colours, repeated names.
enum WarningRulesParser {
  /// The keys of a level.
  static let keys = ["name", "color", "overdue", "due-within", "behind", "at-risk"]

  /// Named colours accepted besides `#rrggbb`.
  static let namedColors: [String: UInt32] = [
    "red": 0xD93025, "红": 0xD93025, "orange": 0xF57C00, "橙": 0xF57C00, "yellow": 0xF9C80E,
    "黄": 0xF9C80E, "green": 0x34A853, "绿": 0x34A853, "blue": 0x1A73E8, "蓝": 0x1A73E8,
    "grey": 0x9AA0A6, "gray": 0x9AA0A6, "灰": 0x9AA0A6,
  ]

  /// Reads the list whose first event is `first`; nil when nothing usable was written.
  static func parse<Source: YAMLEventSource>(
    first: YAMLEvent, cursor: inout EventCursor<Source>, bag: inout DiagnosticBag
  ) throws(YAMLSyntaxError) -> WarningRules? {
    guard first.kind == .sequenceStart else {
      bag.error(
        .invalidValue, "'warnings' takes a list of levels, not \(first.kind.nodeDescription)",
        at: cursor.location(first), hint: "- {name: 红, color: red, overdue: 1}")
      try cursor.skipNode(startingWith: first)
      return nil
    }
    var levels: [WarningLevel] = []
    var names: Set<String> = []
    var failed = false
    while true {
      let event = try cursor.next()
      if event.kind == .sequenceEnd || event.kind == .streamEnd || event.kind == .documentEnd { break }
      guard event.kind == .mappingStart else {
        bag.error(
          .invalidValue, "a warning level is a mapping with 'name' and 'color', not \(event.kind.nodeDescription)",
          at: cursor.location(event), hint: "- {name: 黄, color: yellow, behind: 10}")
        try cursor.skipNode(startingWith: event)
        failed = true
        continue
      }
      guard let level = try parseLevel(at: event, cursor: &cursor, bag: &bag) else {
        failed = true
        continue
      }
      if names.contains(level.level.name) {
        bag.error(
          .duplicateKey, "the warning level '\(level.level.name)' is given twice",
          at: cursor.location(level.position), hint: "give each level its own name")
        failed = true
        continue
      }
      names.insert(level.level.name)
      levels.append(level.level)
    }
    if levels.isEmpty && !failed {
      bag.error(
        .invalidValue, "'warnings' lists no levels", at: cursor.location(first),
        hint: "remove it for the default (红, 黄, 绿), or list the levels")
    }
    return failed || levels.isEmpty ? nil : WarningRules(levels: levels)
  }

  private static func parseLevel<Source: YAMLEventSource>(
    at start: YAMLEvent, cursor: inout EventCursor<Source>, bag: inout DiagnosticBag
  ) throws(YAMLSyntaxError) -> (level: WarningLevel, position: SourcePosition)? {
    var name: Scalar?
    var color: UInt32?
    var conditions: [WarningCondition] = []
    var seen: Set<String> = []
    var ok = true
    while true {
      let keyEvent = try cursor.next()
      if keyEvent.kind == .mappingEnd || keyEvent.kind == .streamEnd { break }
      guard keyEvent.kind == .scalar, keys.contains(keyEvent.text) else {
        bag.error(
          .unknownKey, "unknown key '\(keyEvent.text)' in a warning level", at: cursor.location(keyEvent),
          hint: NearestNames.hint(for: keyEvent.text, in: keys) ?? "known keys: " + keys.joined(separator: ", "))
        if keyEvent.kind != .scalar { try cursor.skipNode(startingWith: keyEvent) }
        try cursor.skipNode(startingWith: try cursor.next())
        ok = false
        continue
      }
      let key = keyEvent.text
      if seen.contains(key) {
        bag.error(
          .duplicateKey, "'\(key)' is given twice in this warning level", at: cursor.location(keyEvent),
          hint: "keep one of them")
        try cursor.skipNode(startingWith: try cursor.next())
        ok = false
        continue
      }
      seen.insert(key)
      guard let value = try cursor.readText(for: key, into: &bag) else {
        ok = false
        continue
      }
      switch key {
      case "name":
        name = value
      case "color":
        if let parsed = parseColor(value.text) {
          color = parsed
        } else {
          bag.error(
            .invalidValue, "'\(value.text)' is not a colour", at: cursor.location(value.position),
            hint: "write #rrggbb, or one of red, orange, yellow, green, blue, grey")
          ok = false
        }
      case "at-risk":
        switch value.text {
        case "true": conditions.append(.atRisk)
        case "false": break
        default:
          bag.error(
            .invalidValue, "'at-risk' takes true or false, not '\(value.text)'",
            at: cursor.location(value.position))
          ok = false
        }
      default:
        guard let number = Int(value.text), number >= 0, number <= 100_000 else {
          let unit = key == "behind" ? "percentage points" : "days"
          bag.error(
            .invalidValue, "'\(key)' takes a whole number of \(unit), not '\(value.text)'",
            at: cursor.location(value.position), hint: "\(key): \(key == "behind" ? 10 : 7)")
          ok = false
          continue
        }
        switch key {
        case "overdue": conditions.append(.overdue(days: max(1, number)))
        case "due-within": conditions.append(.dueWithin(days: number))
        default: conditions.append(.behind(points: number))
        }
      }
    }
    let position = cursor.position(start)
    if name == nil || color == nil {
      let missing = [name == nil ? "'name'" : nil, color == nil && !seen.contains("color") ? "'color'" : nil]
        .compactMap { $0 }
      if !missing.isEmpty {
        bag.error(
          .missingKey, "a warning level needs " + missing.joined(separator: " and "), at: cursor.location(start),
          hint: "- {name: 黄, color: yellow, behind: 10}")
      }
      return nil
    }
    guard ok, let name, let color else { return nil }
    return (WarningLevel(name: name.text, color: color, conditions: conditions), position)
  }

  /// A colour written as `#rrggbb` or a name.
  static func parseColor(_ text: String) -> UInt32? {
    if let named = namedColors[text.lowercased()] { return named }
    guard text.hasPrefix("#"), text.utf8.count == 7 else { return nil }
    return UInt32(text.dropFirst(), radix: 16)
  }
}

/// Loads warning rules from a file of their own (`--rules FILE`): a mapping with a `warnings:` list.
public enum WarningRulesLoader {
  /// The rules, or the diagnostics that say why the file cannot be used, with its text for the excerpts.
  public static func load(
    path: String, fileSystem: any PlanFileSystem = DiskFileSystem()
  ) -> (rules: WarningRules?, diagnostics: [Diagnostic], sources: [String: [UInt8]]) {
    let bytes: [UInt8]
    switch fileSystem.read(path) {
    case .success(let read): bytes = read
    case .failure(let error):
      let diagnostic = Diagnostic(
        .error, .unreadableFile, "cannot read '\(path)': \(error.reason)",
        at: FileLocation(file: path, line: 0, column: 0))
      return (nil, [diagnostic], [:])
    }
    let text = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
    var cursor = EventCursor(source: LibYAMLEventReader(text: text), path: path, fileIndex: 0)
    var bag = DiagnosticBag()
    var rules: WarningRules?
    var found = false
    do {
      _ = try cursor.next()  // stream start
      let document = try cursor.next()
      let root = document.kind == .documentStart ? try cursor.next() : document
      if root.kind == .mappingStart {
        while true {
          let key = try cursor.next()
          if key.kind != .scalar { break }
          if key.text == "warnings" {
            found = true
            rules = try WarningRulesParser.parse(first: try cursor.next(), cursor: &cursor, bag: &bag)
          } else {
            bag.error(
              .unknownKey, "unknown key '\(key.text)' in a rules file", at: cursor.location(key),
              hint: "a rules file holds one key, 'warnings'")
            try cursor.skipNode(startingWith: try cursor.next())
          }
        }
      }
      if !found {
        bag.error(
          .missingKey, "a rules file needs a 'warnings' list",
          at: FileLocation(file: path, line: 1, column: 1), hint: "warnings:\n  - {name: 红, color: red, overdue: 1}")
      }
    } catch {
      bag.error(
        error.code, error.message,
        at: FileLocation(file: path, line: Int(error.line), column: Int(error.column)), hint: error.hint)
    }
    let diagnostics = bag.sorted(fileOrder: [path])
    return (bag.hasErrors ? nil : rules, diagnostics, diagnostics.isEmpty ? [:] : [path: bytes])
  }
}
