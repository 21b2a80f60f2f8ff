/// Expands YAML aliases (`*name`) into the events of their anchored nodes, within a fixed budget.
///
/// libyaml reports aliases without expanding them. Expanding here keeps the loader simple, and the
/// budget refuses "billion laughs" documents before they cost time or memory.
struct AliasExpander<Base: YAMLEventSource>: YAMLEventSource {
  /// The most events that aliases may add to one file; a plan that needs more is refusing to be read.
  static var budget: Int { PlanLimits.aliasBudget }

  private var base: Base
  /// Every event seen while some anchored node was open, shared by nested anchors.
  private var log: [YAMLEvent] = []
  /// Completed anchors: the range of `log` holding their node.
  private var anchors: [String: Range<Int>] = [:]
  /// Anchored nodes still open: name, start in `log`, and the nesting depth they started at.
  private var open: [(name: String, start: Int, depth: Int)] = []
  /// The current nesting depth of collections.
  private var depth = 0
  /// Events of an alias being replayed.
  private var replay: Range<Int> = 0..<0
  private var expanded = 0

  init(_ base: Base) {
    self.base = base
  }

  mutating func next() throws(YAMLSyntaxError) -> YAMLEvent {
    var event: YAMLEvent
    var fresh = false
    if !replay.isEmpty {
      event = log[replay.lowerBound]
      replay = replay.lowerBound + 1..<replay.upperBound
    } else {
      event = try base.next()
      fresh = true
      if event.kind == .alias {
        guard let range = anchors[event.text] else {
          throw YAMLSyntaxError(
            Phrase("unknown alias '*\(event.text)'", "未定义的别名“*\(event.text)”"),
            hint: Phrase("define '&\(event.text)' before using it", "先用“&\(event.text)”定义锚点，再引用它"),
            line: event.line, column: event.column)
        }
        expanded += range.count
        if expanded > Self.budget {
          throw YAMLSyntaxError(
            code: .aliasLimit,
            Phrase(
              "aliases expand to more than \(Self.budget) YAML nodes", "别名展开后超过 \(Self.budget) 个 YAML 节点"),
            hint: Phrase(
              "write the repeated values out, or use fewer nested aliases", "把重复的内容直接写出来，或者少用嵌套的别名"),
            line: event.line, column: event.column)
        }
        event = log[range.lowerBound]
        replay = range.lowerBound + 1..<range.upperBound
        fresh = false
      }
    }
    record(event, startsAnchor: fresh ? event.anchor : nil)
    if depth > PlanLimits.maximumNesting { throw .nestingTooDeep(line: event.line, column: event.column) }
    return event
  }

  private mutating func record(_ event: YAMLEvent, startsAnchor anchor: String?) {
    if let anchor {
      open.append((anchor, log.count, depth))
    }
    switch event.kind {
    case .sequenceStart, .mappingStart: depth += 1
    case .sequenceEnd, .mappingEnd: depth -= 1
    default: break
    }
    guard !open.isEmpty else { return }
    var stored = event
    stored.anchor = nil
    log.append(stored)
    // Anchored nodes nest, so they complete last-opened first, when the depth returns to theirs.
    while let last = open.last, last.depth == depth {
      anchors[last.name] = last.start..<log.count
      open.removeLast()
    }
  }
}
