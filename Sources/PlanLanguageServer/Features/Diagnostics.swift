import PlanGraph

extension PlanLanguageServer {
  /// `textDocument/publishDiagnostics` for every file of the plan at `root`: what `check` reports, errors
  /// as errors and warnings as warnings; an empty list for each file that had problems and has none now.
  func publishDiagnostics(root: String) -> [JSON] {
    guard workspace.isRootFile(root) else {
      // Not part of any plan found (another YAML file in the workspace): nothing to say about it.
      return [JSONRPC.notification("textDocument/publishDiagnostics", ["uri": uri(root), "diagnostics": []])]
    }
    let analysis = workspace.analysis(root: root)
    var byFile: [String: [JSON]] = [:]
    for file in analysis.check.files { byFile[file] = [] }
    for diagnostic in analysis.check.diagnostics {
      let file = diagnostic.location.file
      byFile[file, default: []].append(lspDiagnostic(diagnostic, text: analysis.text(file)))
    }
    let earlier = published[root] ?? []
    for file in earlier where byFile[file] == nil { byFile[file] = [] }
    published[root] = Set(byFile.filter { !$0.value.isEmpty }.keys)
    return byFile.keys.sorted().map { file in
      JSONRPC.notification(
        "textDocument/publishDiagnostics", ["uri": uri(file), "diagnostics": .array(byFile[file] ?? [])])
    }
  }

  /// One diagnostic as LSP has it, in the server's language; the hint follows the message, and the hint
  /// and the names a "did you mean" proposes are kept in `data` for code actions.
  func lspDiagnostic(_ diagnostic: Diagnostic, text: SourceText) -> JSON {
    let location = diagnostic.location
    let range =
      location.line == 0
      ? text.range(line: 1, column: 1, length: 0, encoding: encoding)
      : text.range(line: location.line, column: location.column, length: location.length, encoding: encoding)
    var message = diagnostic.message(in: language)
    let hint = diagnostic.hint(in: language)
    if let hint { message += "\n" + language.words.hintLabel + hint }
    var result: [String: JSON] = [
      "range": range, "severity": diagnostic.severity == .error ? 1 : 2, "source": "plangraph",
      "code": .string(diagnostic.code.rawValue), "message": .string(message),
    ]
    var data: [String: JSON] = [:]
    if let hint { data["hint"] = .string(hint) }
    // A diagnostic that carries no suggestions may still say "did you mean 'x'?" in its English hint.
    let suggestions = diagnostic.suggestions.isEmpty ? Self.suggestions(in: diagnostic.hint) : diagnostic.suggestions
    if !suggestions.isEmpty { data["suggestions"] = .array(suggestions.map { .string($0) }) }
    if !data.isEmpty { result["data"] = .object(data) }
    return .object(result)
  }
}
