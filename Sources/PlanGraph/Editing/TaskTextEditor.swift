/// Edits one task mapping of a file's bytes in place: values replaced where they stand, keys added
/// after the task's last key, list items added in the list's own style. Nothing outside the task's
/// lines changes.
///
/// Edits are collected as byte-range replacements against the original text and applied at the end,
/// last first, so each keeps the offsets it was computed with.
struct TaskTextEditor {
  /// The file's bytes as read.
  let bytes: [UInt8]
  /// The task's mapping.
  let task: SourceNode
  /// How values are written (YAML or JSON).
  let scalars: ScalarText
  /// The file's line ending: `\r\n` when its first line ends so.
  let newline: String
  private var replacements: [(start: Int, end: Int, text: String)] = []

  /// An editor for `task` in `bytes`.
  init(bytes: [UInt8], task: SourceNode, isJSON: Bool) {
    self.bytes = bytes
    self.task = task
    self.scalars = ScalarText(isJSON: isJSON)
    let firstNewline = bytes.firstIndex(of: UInt8(ascii: "\n"))
    self.newline = firstNewline.map { $0 > 0 && bytes[$0 - 1] == UInt8(ascii: "\r") } == true ? "\r\n" : "\n"
  }

  /// The edited bytes.
  func result() -> [UInt8] {
    var out = bytes
    // Stable order for inserts at one offset: the later-recorded goes after the earlier.
    let ordered = replacements.enumerated().sorted {
      $0.element.start != $1.element.start ? $0.element.start > $1.element.start : $0.offset > $1.offset
    }
    for (_, r) in ordered {
      out.replaceSubrange(r.start..<r.end, with: Array(r.text.utf8))
    }
    return out
  }

  /// Sets `key` to the already formatted `value`: in place when present, else as a new key.
  mutating func set(_ key: String, to value: String) {
    if let entry = task.entry(key) {
      replaceValue(entry.value, with: value)
    } else {
      addKey(key, value: value)
    }
  }

  /// Replaces a value node's text. An empty (null) value gets a space before the new text.
  mutating func replaceValue(_ node: SourceNode, with value: String) {
    if node.kind == .scalar, node.start == node.end {
      replacements.append((node.start, node.end, " " + value))
    } else if node.kind == .scalar, node.start < bytes.count,
      bytes[node.start] == UInt8(ascii: "|") || bytes[node.start] == UInt8(ascii: ">")
    {
      // A block scalar: up to the end of its last line with text, keeping the line break and the
      // blank lines after it.
      var end = lineEnd(after: node.end)
      if end > node.start && bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
      if end > node.start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
      replacements.append((node.start, max(node.start, end), value))
    } else {
      replacements.append((node.start, node.end, value))
    }
  }

  /// Adds `key: value` after the task's last key: on a new line at the keys' indentation in block
  /// style, inside the braces in flow style.
  mutating func addKey(_ key: String, value: String) {
    guard let last = anchorValue else { return }
    if task.isFlow {
      replacements.append((last.end, last.end, ", " + scalars.key(key) + ": " + value))
      return
    }
    let at = lineEnd(after: last.end)
    let indent = String(repeating: " ", count: max(0, indentation(of: task.children[0])))
    insertLine(indent + scalars.key(key) + ": " + value, at: at)
  }

  /// Adds a key whose value is a one-item list: `key:` with a block item below it in block style,
  /// `key: [item]` in flow style.
  mutating func addListKey(_ key: String, item: String) {
    if task.isFlow || scalars.isJSON {
      addKey(key, value: "[" + item + "]")
      return
    }
    guard let last = anchorValue else { return }
    let at = lineEnd(after: last.end)
    let indent = String(repeating: " ", count: max(0, indentation(of: task.children[0])))
    insertLine(indent + key + ":" + newline + indent + "  - " + item, at: at)
  }

  /// Inserts `item` into the sequence `list` before its item at `position` (its count: at the end),
  /// in the list's own style.
  mutating func insertItem(_ item: String, into list: SourceNode, at position: Int) {
    if list.kind != .sequence {
      // A single value where a list may stand (a duty's `done: 2018-03-20`): becomes a flow list.
      let old = String(decoding: bytes[list.start..<list.end], as: UTF8.self)
      let items = position == 0 ? [item, old] : [old, item]
      replaceValue(list, with: "[" + items.joined(separator: ", ") + "]")
      return
    }
    if list.isFlow {
      if list.children.isEmpty {
        replacements.append((list.start + 1, list.start + 1, item))
      } else if position < list.children.count {
        let next = list.children[position]
        replacements.append((next.start, next.start, item + ", "))
      } else {
        replacements.append(
          (list.children[list.children.count - 1].end, list.children[list.children.count - 1].end, ", " + item))
      }
      return
    }
    // Block items: `- ` at the dash's column, a line of its own.
    guard let first = list.children.first else { return }
    let dashColumn = dashIndentation(before: first.start)
    let line = String(repeating: " ", count: dashColumn) + "- " + item
    if position == 0 {
      let lineStart = self.lineStart(of: first.start)
      replacements.append((lineStart, lineStart, line + newline))
    } else {
      // After the previous item's own lines: a comment above the next item (`# 三月`) stays with it.
      insertLine(line, at: lineEnd(after: list.children[position - 1].end))
    }
  }

  /// The value new keys go after: the task's last, except that a summary's own keys stay above its
  /// `tasks` list when that list comes last, rather than after all its sub-tasks.
  private var anchorValue: SourceNode? {
    let pairs = task.children.count / 2
    guard pairs > 0 else { return task.children.last }
    if pairs >= 2, task.children[2 * pairs - 2].text == "tasks", task.children[2 * pairs - 1].kind == .sequence,
      !task.children[2 * pairs - 1].isFlow
    {
      return task.children[2 * pairs - 3]
    }
    return task.children.last
  }

  // MARK: - Lines

  /// Inserts a whole line at `at`, a line start or the end of a file without a final newline.
  private mutating func insertLine(_ line: String, at: Int) {
    if at >= bytes.count && (bytes.last != UInt8(ascii: "\n")) {
      // The last line had no newline: the new line comes after one, and the file still ends without.
      replacements.append((bytes.count, bytes.count, newline + line))
    } else {
      replacements.append((at, at, line + newline))
    }
  }

  /// The offset just past the newline ending the line that holds `offset` (the file's end if none).
  func lineEnd(after offset: Int) -> Int {
    // A block scalar (`|`, `>`) ends at a line start, or in the next line's indentation, after its
    // trailing blank lines: the insertion point is the end of its last line with text.
    var start = lineStart(of: offset)
    if bytes[start..<offset].allSatisfy({ $0 == UInt8(ascii: " ") }) && (start > 0 || offset == 0) {
      while start > 0 {
        let previous = lineStart(of: start - 1)
        let isBlank = bytes[previous..<(start - 1)].allSatisfy {
          $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\t")
        }
        if !isBlank { break }
        start = previous
      }
      return start
    }
    var i = offset
    while i < bytes.count && bytes[i] != UInt8(ascii: "\n") { i += 1 }
    return i < bytes.count ? i + 1 : bytes.count
  }

  /// The offset of the start of the line holding `offset`.
  func lineStart(of offset: Int) -> Int {
    var i = offset
    while i > 0 && bytes[i - 1] != UInt8(ascii: "\n") { i -= 1 }
    return i
  }

  /// The spaces before a key at the start of its line; for a key after a `- ` on the same line, the
  /// column of the key.
  private func indentation(of node: SourceNode) -> Int {
    node.start - lineStart(of: node.start)
      - (bytes.starts(with: [0xEF, 0xBB, 0xBF]) && lineStart(of: node.start) == 0 ? 3 : 0)
  }

  /// The column of the `-` that introduces a block item starting at `offset`.
  private func dashIndentation(before offset: Int) -> Int {
    var i = offset - 1
    while i >= 0 && bytes[i] != UInt8(ascii: "-") && bytes[i] != UInt8(ascii: "\n") { i -= 1 }
    guard i >= 0, bytes[i] == UInt8(ascii: "-") else { return max(0, indentation(of: task.children[0])) }
    return i - lineStart(of: i)
  }
}
