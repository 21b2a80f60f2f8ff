/// One plan file as a tree of nodes with the place of every key and value, for editor tooling.
///
/// The loader builds the plan straight from parse events and keeps only what diagnostics need; a
/// language server must also know where keys are, and must read a half-typed file as far as it goes.
/// Built iteratively from the same readers as the loader, so deep files cost no stack.
package struct PlanOutline: Sendable {
  /// The first document's root node; nil for an empty file.
  package var root: OutlineNode?
  /// Where reading stopped at a syntax error (1-based line and column), nil when the file parsed.
  package var syntaxError: (line: Int, column: Int)?

  /// Reads `bytes` (YAML, or JSON when `isJSON`), as far as they parse.
  package init(bytes: [UInt8], isJSON: Bool) {
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    if isJSON {
      self.init(source: JSONEventReader(bytes: bytes, from: start))
    } else {
      self.init(source: AliasExpander(LibYAMLEventReader(text: bytes[start...])))
    }
  }

  private init<Source: YAMLEventSource>(source: Source) {
    var source = source
    var stack: [OutlineNode] = []
    var pendingKeys: [OutlineNode?] = []
    var root: OutlineNode?
    func attach(_ node: OutlineNode) {
      guard var parent = stack.popLast() else {
        if root == nil { root = node }
        return
      }
      if parent.kind == .mapping {
        if let key = pendingKeys[pendingKeys.count - 1] {
          parent.entries.append(OutlineEntry(key: key, value: node))
          pendingKeys[pendingKeys.count - 1] = nil
        } else {
          pendingKeys[pendingKeys.count - 1] = node
        }
      } else {
        parent.items.append(node)
      }
      stack.append(parent)
    }
    func close(atLine line: Int, column: Int) {
      guard var node = stack.popLast() else { return }
      if let key = pendingKeys.removeLast() {
        // A key still waiting for its value when the mapping ends (cut off by an error): a null value.
        node.entries.append(
          OutlineEntry(key: key, value: OutlineNode(kind: .scalar, line: key.line, column: key.column, length: 0)))
      }
      node.endLine = line
      node.endColumn = column
      attach(node)
    }
    reading: while true {
      let event: YAMLEvent
      do throws(YAMLSyntaxError) {
        event = try source.next()
      } catch {
        syntaxError = (Int(max(1, error.line)), Int(max(1, error.column)))
        while !stack.isEmpty { close(atLine: Int(max(1, error.line)), column: Int(max(1, error.column))) }
        break reading
      }
      switch event.kind {
      case .scalar, .alias:
        var node = OutlineNode(
          kind: .scalar, line: Int(event.line), column: Int(event.column), length: Int(event.length))
        node.text = event.text
        node.isPlain = event.isPlain
        attach(node)
      case .sequenceStart, .mappingStart:
        stack.append(
          OutlineNode(
            kind: event.kind == .mappingStart ? .mapping : .sequence, line: Int(event.line),
            column: Int(event.column), length: Int(event.length)))
        pendingKeys.append(nil)
      case .sequenceEnd, .mappingEnd:
        close(atLine: Int(event.line), column: Int(event.column))
      case .documentEnd, .streamEnd:
        while !stack.isEmpty { close(atLine: Int(event.line), column: Int(event.column)) }
        if root != nil || event.kind == .streamEnd { break reading }
      case .streamStart, .documentStart:
        break
      }
    }
    self.root = root
  }
}

/// A node of a `PlanOutline`: a scalar with its text, a mapping with its entries or a list with its items.
package struct OutlineNode: Sendable {
  /// What the node is.
  package enum Kind: Sendable {
    /// A single value.
    case scalar
    /// A list.
    case sequence
    /// Keys and values.
    case mapping
  }

  /// What the node is.
  package var kind: Kind
  /// A scalar's text, without quotes.
  package var text = ""
  /// Whether a scalar is unquoted.
  package var isPlain = true
  /// 1-based line where the node starts.
  package var line: Int
  /// 1-based column (Unicode scalars) where the node starts; for a quoted scalar, its opening quote.
  package var column: Int
  /// Scalars the node's start spans on its line.
  package var length: Int
  /// For a mapping or list, where its end was read (the next token after it); else its own start.
  package var endLine: Int
  /// The column of `endLine`.
  package var endColumn: Int
  /// A mapping's entries in file order.
  package var entries: [OutlineEntry] = []
  /// A list's items in file order.
  package var items: [OutlineNode] = []

  /// Creates a node without content.
  package init(kind: Kind, line: Int, column: Int, length: Int) {
    self.kind = kind
    self.line = line
    self.column = column
    self.length = length
    self.endLine = line
    self.endColumn = column
  }

  /// The value of `key` in a mapping.
  package func value(_ key: String) -> OutlineNode? {
    entries.first { $0.key.kind == .scalar && $0.key.text == key }?.value
  }

  /// The key node of `key` in a mapping.
  package func keyNode(_ key: String) -> OutlineNode? {
    entries.first { $0.key.kind == .scalar && $0.key.text == key }?.key
  }

  /// A scalar's text when it is a non-null scalar.
  package var scalarText: String? {
    guard kind == .scalar else { return nil }
    if isPlain && ["", "~", "null", "Null", "NULL"].contains(text) { return nil }
    return text
  }
}

/// One key and its value in a mapping.
package struct OutlineEntry: Sendable {
  /// The key node (a scalar in every plan file).
  package var key: OutlineNode
  /// The value node.
  package var value: OutlineNode
}
