/// One node of a plan file as written: its kind, text and the bytes it spans, for editing in place.
///
/// The loader keeps no tree; the editor reads the one file it changes again into these, so that it
/// knows where every key, value and list item of a task begins and ends in the file's bytes.
struct SourceNode: Sendable {
  /// What the node is.
  enum Kind: Sendable {
    case scalar, mapping, sequence, alias
  }

  var kind: Kind
  /// A scalar's text.
  var text: String
  /// Whether a scalar is plain (unquoted).
  var isPlain: Bool
  /// Whether a collection is written in flow style (`{…}`, `[…]`).
  var isFlow: Bool
  /// Byte offset of the node's first byte in the whole file (BOM included).
  var start: Int
  /// Byte offset just past the node's last byte (for a flow collection: past its closing bracket).
  var end: Int
  /// 1-based line and column (in Unicode scalars) of the start, as the loader reports them.
  var line: Int
  var column: Int
  /// A mapping's keys and values alternately; a sequence's items.
  var children: [SourceNode] = []
  /// Whether the node carries an anchor (`&n`) or is an alias (`*n`): its text is shared with other
  /// places, so replacing it here would change or break them.
  var isShared = false

  /// A mapping's value for `key`, with its key, if present.
  func entry(_ key: String) -> (key: SourceNode, value: SourceNode)? {
    guard kind == .mapping else { return nil }
    var i = 0
    while i + 1 < children.count {
      if children[i].kind == .scalar, children[i].text == key { return (children[i], children[i + 1]) }
      i += 2
    }
    return nil
  }
}

/// Reads a YAML or JSON file into `SourceNode`s with byte spans, iteratively.
enum SourceTree {
  /// The root node of the file's first document, or nil when the file is not well-formed YAML.
  static func read(_ bytes: [UInt8]) -> SourceNode? {
    let textStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let text = bytes[textStart...]
    // libyaml's marks count Unicode scalars; the byte offset of each scalar, and one past the end.
    var offsets: [Int] = []
    offsets.reserveCapacity(text.count + 1)
    for i in text.indices where text[i] & 0xC0 != 0x80 { offsets.append(i) }
    offsets.append(bytes.count)
    func byte(_ index: Int) -> Int { offsets[min(max(0, index), offsets.count - 1)] }

    let reader = LibYAMLEventReader(text: text)
    var stack: [SourceNode] = []
    var root: SourceNode?
    while true {
      let event: YAMLEvent
      do { event = try reader.next() } catch { return nil }
      let marks = reader.lastMarks
      switch event.kind {
      case .streamEnd, .documentEnd:
        return root
      case .streamStart, .documentStart:
        continue
      case .scalar, .alias:
        let node = SourceNode(
          kind: event.kind == .scalar ? .scalar : .alias, text: event.text, isPlain: event.isPlain, isFlow: false,
          start: byte(marks.start), end: byte(marks.end), line: Int(event.line), column: Int(event.column),
          isShared: event.kind == .alias || event.anchor != nil)
        if stack.isEmpty { return node }
        stack[stack.count - 1].children.append(node)
      case .mappingStart, .sequenceStart:
        let start = byte(marks.start)
        let opener: UInt8 = event.kind == .mappingStart ? UInt8(ascii: "{") : UInt8(ascii: "[")
        stack.append(
          SourceNode(
            kind: event.kind == .mappingStart ? .mapping : .sequence, text: "", isPlain: false,
            isFlow: start < bytes.count && bytes[start] == opener, start: start, end: start,
            line: Int(event.line), column: Int(event.column), isShared: event.anchor != nil))
      case .mappingEnd, .sequenceEnd:
        guard var node = stack.popLast() else { return nil }
        // A block collection's end mark lies at the next token, past comments and blank lines: it
        // ends where its last child ends.
        node.end = node.isFlow ? byte(marks.end) : (node.children.last?.end ?? node.start)
        if stack.isEmpty {
          root = node
        } else {
          stack[stack.count - 1].children.append(node)
        }
      }
    }
  }

  /// The task mapping whose `id` value starts at `line` and `column`, searched without recursion.
  static func taskMapping(in root: SourceNode, idLine: Int, idColumn: Int) -> SourceNode? {
    var pending = [root]
    while let node = pending.popLast() {
      if node.kind == .mapping, let id = node.entry("id"), id.value.line == idLine, id.value.column == idColumn {
        return node
      }
      pending.append(contentsOf: node.children.filter { $0.kind != .scalar })
    }
    return nil
  }
}
