import PlanGraph

extension PlanLanguageServer {
  /// `textDocument/codeAction`: for each diagnostic with a "did you mean" hint, one quick fix per name it
  /// proposes, replacing the misspelt name. The names come from the diagnostic's `data.suggestions`, which
  /// the server publishes in every language; a client that dropped `data` gets them read from an English hint.
  func codeActions(_ params: JSON) throws(JSONRPC.Failure) -> JSON {
    guard let uri = params["textDocument"]?["uri"], path(uri) != nil else {
      throw .init(.invalidParams, "textDocument.uri must be a file: URI")
    }
    var actions: [JSON] = []
    for diagnostic in params["context"]?["diagnostics"]?.array ?? [] {
      guard let range = diagnostic["range"] else { continue }
      let names: [String]
      if let listed = diagnostic["data"]?["suggestions"]?.array {
        names = listed.compactMap(\.string)
      } else {
        names = Self.suggestions(
          in: diagnostic["data"]?["hint"]?.string ?? Self.hintLine(diagnostic["message"]?.string))
      }
      for name in names {
        actions.append([
          "title": .string(language.pick("Change to '\(name)'", "改为“\(name)”")),
          "kind": "quickfix",
          "diagnostics": [diagnostic],
          "edit": ["changes": .object([uri.string ?? "": [["range": range, "newText": .string(name)]]])],
        ])
      }
    }
    return .array(actions)
  }

  private static func hintLine(_ message: String?) -> String? {
    for line in message?.split(separator: "\n") ?? [] {
      if line.hasPrefix("hint: ") { return String(line.dropFirst(6)) }
      if line.hasPrefix("提示：") { return String(line.dropFirst(3)) }
    }
    return nil
  }

  /// The quoted names after "did you mean" ('x') or "是否想写" (“x”) in a hint, up to its question mark.
  static func suggestions(in hint: String?) -> [String] {
    guard let hint, let start = hint.firstRange(of: "did you mean ") ?? hint.firstRange(of: "是否想写") else {
      return []
    }
    var names: [String] = []
    var current: String?
    var closing: Character = "'"
    for character in hint[start.upperBound...] {
      if let name = current, character == closing {
        if !name.isEmpty { names.append(name) }
        current = nil
      } else if current == nil, character == "'" || character == "“" {
        closing = character == "“" ? "”" : "'"
        current = ""
      } else if current != nil {
        current?.append(character)
      } else if character == "?" || character == "？" {
        break
      }
    }
    return names
  }
}
