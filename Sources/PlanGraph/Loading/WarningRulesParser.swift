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
        .invalidValue,
        Phrase(
          "'warnings' takes a list of levels, not \(first.kind.nodeDescription)",
          "“warnings”要写预警等级的列表，不能写\(first.kind.nodeName.chinese)"),
        at: cursor.location(first), hint: Phrase(verbatim: "- {name: 红, color: red, overdue: 1}"))
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
          .invalidValue,
          Phrase(
            "a warning level is a mapping with 'name' and 'color', not \(event.kind.nodeDescription)",
            "预警等级要写成含“name”和“color”的映射，不能写\(event.kind.nodeName.chinese)"),
          at: cursor.location(event), hint: Phrase(verbatim: "- {name: 黄, color: yellow, behind: 10}"))
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
          .duplicateKey,
          Phrase("the warning level '\(level.level.name)' is given twice", "预警等级“\(level.level.name)”写了两次"),
          at: cursor.location(level.position), hint: Phrase("give each level its own name", "给每个等级取不同的名称"))
        failed = true
        continue
      }
      names.insert(level.level.name)
      levels.append(level.level)
    }
    if levels.isEmpty && !failed {
      bag.error(
        .invalidValue, Phrase("'warnings' lists no levels", "“warnings”没有列出任何等级"), at: cursor.location(first),
        hint: Phrase(
          "remove it for the default (红, 黄, 绿), or list the levels", "删去它则使用默认等级（红、黄、绿），或列出各个等级"))
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
        let near = NearestNames.suggestion(for: keyEvent.text, in: keys)
        bag.error(
          .unknownKey,
          Phrase("unknown key '\(keyEvent.text)' in a warning level", "预警等级中有未知的键“\(keyEvent.text)”"),
          at: cursor.location(keyEvent),
          hint: near?.hint
            ?? Phrase(
              "known keys: " + keys.joined(separator: ", "), "可以写的键：" + keys.joined(separator: "、")),
          suggestions: near?.names ?? [])
        if keyEvent.kind != .scalar { try cursor.skipNode(startingWith: keyEvent) }
        try cursor.skipNode(startingWith: try cursor.next())
        ok = false
        continue
      }
      let key = keyEvent.text
      if seen.contains(key) {
        bag.error(
          .duplicateKey, Phrase("'\(key)' is given twice in this warning level", "这个预警等级里“\(key)”写了两次"),
          at: cursor.location(keyEvent), hint: Phrase("keep one of them", "只保留一个"))
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
            .invalidValue, Phrase("'\(value.text)' is not a colour", "“\(value.text)”不是颜色"),
            at: cursor.location(value.position),
            hint: Phrase(
              "write #rrggbb, or one of red, orange, yellow, green, blue, grey",
              "写 #rrggbb，或 red、orange、yellow、green、blue、grey 之一"))
          ok = false
        }
      case "at-risk":
        switch value.text {
        case "true": conditions.append(.atRisk)
        case "false": break
        default:
          bag.error(
            .invalidValue,
            Phrase(
              "'at-risk' takes true or false, not '\(value.text)'", "“at-risk”只能是 true 或 false，而不是“\(value.text)”"),
            at: cursor.location(value.position), hint: nil)
          ok = false
        }
      default:
        guard let number = Int(value.text), number >= 0, number <= 100_000 else {
          let unit = key == "behind" ? Phrase("percentage points", "个百分点") : Phrase("days", "天")
          bag.error(
            .invalidValue,
            Phrase(
              "'\(key)' takes a whole number of \(unit.english), not '\(value.text)'",
              "“\(key)”要写整数（单位：\(unit.chinese)），而不是“\(value.text)”"),
            at: cursor.location(value.position), hint: Phrase(verbatim: "\(key): \(key == "behind" ? 10 : 7)"))
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
          .missingKey,
          Phrase(
            "a warning level needs " + missing.joined(separator: " and "),
            "预警等级需要" + missing.map { "“\($0.dropFirst().dropLast())”" }.joined(separator: "和")),
          at: cursor.location(start), hint: Phrase(verbatim: "- {name: 黄, color: yellow, behind: 10}"))
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
        .error, .unreadableFile,
        Phrase("cannot read '\(path)': \(error.words.english)", "无法读取“\(path)”：\(error.words.chinese)"),
        at: FileLocation(file: path, line: 0, column: 0), hint: nil)
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
              .unknownKey, Phrase("unknown key '\(key.text)' in a rules file", "预警规则文件中有未知的键“\(key.text)”"),
              at: cursor.location(key),
              hint: Phrase("a rules file holds one key, 'warnings'", "预警规则文件只有一个键：“warnings”"))
            try cursor.skipNode(startingWith: try cursor.next())
          }
        }
      }
      if !found {
        bag.error(
          .missingKey, Phrase("a rules file needs a 'warnings' list", "预警规则文件需要“warnings”列表"),
          at: FileLocation(file: path, line: 1, column: 1),
          hint: Phrase(verbatim: "warnings:\n  - {name: 红, color: red, overdue: 1}"))
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
