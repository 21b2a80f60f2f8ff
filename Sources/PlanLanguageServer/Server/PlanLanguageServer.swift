import PlanGraph

// FoundationEssentials, not Foundation: the command line links this module, and Foundation would load
// ICU and its own libraries (about ten milliseconds) at every start of every command.
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// The language server for plan files: JSON-RPC messages in, responses and notifications out.
///
/// No I/O of its own: `StdioConnection` feeds it message bodies and writes what it returns, so tests can
/// drive it message by message. Every request gets a result or a JSON-RPC error; a bad message never
/// stops it.
public final class PlanLanguageServer {
  /// Where the server is in the protocol's lifecycle.
  enum State {
    case uninitialized, running, shuttingDown
  }

  var state = State.uninitialized
  let workspace: Workspace
  var encoding = SourceText.Encoding.utf16
  /// Paths of files that were sent diagnostics, by root, to clear them when they have none.
  var published: [String: Set<String>] = [:]
  /// The exit status once `exit` arrived: 0 after `shutdown`, 1 without.
  public private(set) var exitStatus: Int32?

  /// The language of hovers and completion details.
  let language: Language

  /// Creates a server whose hovers and warnings are as of `today` (the library never reads the clock),
  /// speaking `language` in hovers and completions.
  public init(today: Day, language: Language = .en) {
    workspace = Workspace(today: today)
    self.language = language
  }

  /// Handles one message body; returns the messages to send (a response, notifications).
  public func receive(_ body: [UInt8]) -> [JSON] {
    guard let message = JSON.parse(body) else {
      return [JSONRPC.error(id: .null, .init(.parseError, "the message is not JSON"))]
    }
    guard case .object = message, let method = message["method"]?.string else {
      if message["id"] != nil, message["result"] != nil || message["error"] != nil { return [] }  // a client's answer
      return [JSONRPC.error(id: message["id"] ?? .null, .init(.invalidRequest, "not a JSON-RPC request"))]
    }
    let params = message["params"] ?? .null
    guard let id = message["id"] else {
      notify(method, params)
      return []
    }
    switch id {
    case .int, .string: break
    default: return [JSONRPC.error(id: .null, .init(.invalidRequest, "a request id must be a number or a string"))]
    }
    do throws(JSONRPC.Failure) {
      return [JSONRPC.response(id: id, result: try request(method, params))]
    } catch {
      return [JSONRPC.error(id: id, error)]
    }
  }

  /// The diagnostics due after the messages handled so far: sent once input pauses, so that a burst of
  /// edits is checked once.
  public func pendingNotifications() -> [JSON] {
    guard state == .running else { return [] }
    return workspace.takeDirtyRoots().flatMap { publishDiagnostics(root: $0) }
  }

  private func request(_ method: String, _ params: JSON) throws(JSONRPC.Failure) -> JSON {
    switch (state, method) {
    case (.uninitialized, "initialize"):
      state = .running
      return initialize(params)
    case (.uninitialized, _):
      throw .init(.serverNotInitialized, "the server is not initialized: send 'initialize' first")
    case (_, "initialize"):
      throw .init(.invalidRequest, "the server is already initialized")
    case (.shuttingDown, _):
      throw .init(.invalidRequest, "the server is shutting down: only 'exit' is accepted")
    case (.running, "shutdown"):
      state = .shuttingDown
      return .null
    case (.running, "textDocument/definition"): return try definition(params)
    case (.running, "textDocument/references"): return try references(params)
    case (.running, "textDocument/documentSymbol"): return try documentSymbols(params)
    case (.running, "textDocument/hover"): return try hover(params)
    case (.running, "textDocument/completion"): return try completion(params)
    case (.running, "textDocument/prepareRename"): return try prepareRename(params)
    case (.running, "textDocument/rename"): return try rename(params)
    case (.running, "textDocument/codeAction"): return try codeActions(params)
    default:
      throw .init(.methodNotFound, "unknown method '\(method)'")
    }
  }

  private func notify(_ method: String, _ params: JSON) {
    if method == "exit" {
      exitStatus = state == .shuttingDown ? 0 : 1
      return
    }
    guard state == .running else { return }
    switch method {
    case "textDocument/didOpen":
      guard let document = params["textDocument"], let path = path(document["uri"]),
        let text = document["text"]?.string
      else { return }
      workspace.update(path, text: text, version: document["version"]?.int ?? 0)
    case "textDocument/didChange":
      guard let path = path(params["textDocument"]?["uri"]), let changes = params["contentChanges"]?.array else {
        return
      }
      var text = workspace.document(path) ?? ""
      for change in changes { text = apply(change, to: text) }
      workspace.update(path, text: text, version: params["textDocument"]?["version"]?.int ?? 0)
    case "textDocument/didSave":
      guard let path = path(params["textDocument"]?["uri"]) else { return }
      if let text = params["text"]?.string {
        workspace.update(path, text: text, version: 0)
      } else {
        workspace.saved(path)
      }
    case "workspace/didChangeWatchedFiles":
      // Files changed on disk (a checkout, another program): check again what they belong to.
      for change in params["changes"]?.array ?? [] {
        if let path = path(change["uri"]) { workspace.saved(path) }
      }
    case "textDocument/didClose":

      guard let path = path(params["textDocument"]?["uri"]) else { return }
      workspace.close(path)
    default:
      break  // `initialized`, `$/cancelRequest`, settings: nothing to do
    }
  }

  private func initialize(_ params: JSON) -> JSON {
    let offered = params["capabilities"]?["general"]?["positionEncodings"]?.array?.compactMap(\.string) ?? []
    encoding = offered.contains("utf-32") ? .utf32 : .utf16
    var folders = params["workspaceFolders"]?.array?.compactMap { path($0["uri"]) } ?? []
    if folders.isEmpty, let root = path(params["rootUri"]) { folders = [root] }
    workspace.folders = folders
    return [
      "capabilities": [
        "positionEncoding": .string(encoding.rawValue),
        "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
        "definitionProvider": true,
        "referencesProvider": true,
        "documentSymbolProvider": true,
        "hoverProvider": true,
        "completionProvider": ["triggerCharacters": [":", " ", "[", ",", "."]],
        "renameProvider": ["prepareProvider": true],
        "codeActionProvider": ["codeActionKinds": ["quickfix"]],
      ],
      "serverInfo": ["name": "plangraph", "version": "0.1.0"],
    ]
  }

  /// Applies one `contentChanges` entry: the whole text, or a range replaced. Works on UTF-8 bytes, so
  /// that an edit of a large file costs one copy of it.
  private func apply(_ change: JSON, to text: String) -> String {
    guard let replacement = change["text"]?.string else { return text }
    guard let range = change["range"], let start = range["start"], let end = range["end"] else { return replacement }
    var bytes = Array(text.utf8)
    let from = offset(in: bytes, start)
    let to = max(from, offset(in: bytes, end))
    bytes.replaceSubrange(from..<to, with: replacement.utf8)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The UTF-8 offset in `bytes` of an editor position (clamped to its line and to the text).
  private func offset(in bytes: [UInt8], _ position: JSON) -> Int {
    let line = max(0, position["line"]?.int ?? 0)
    let character = max(0, position["character"]?.int ?? 0)
    var lineStart = 0
    var currentLine = 0
    while currentLine < line {
      guard let newline = bytes[lineStart...].firstIndex(of: 10) else { return bytes.count }
      lineStart = newline + 1
      currentLine += 1
    }
    var lineEnd = bytes[lineStart...].firstIndex(of: 10) ?? bytes.count
    if lineEnd > lineStart, bytes[lineEnd - 1] == 13 { lineEnd -= 1 }
    var units = 0
    var index = lineStart
    for scalar in String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self).unicodeScalars {
      if units >= character { break }
      switch encoding {
      case .utf8: units += UTF8.width(scalar)
      case .utf16: units += scalar.value > 0xFFFF ? 2 : 1
      case .utf32: units += 1
      }
      index += UTF8.width(scalar)
    }
    return index
  }

  /// The absolute path of a `file:` URI.
  func path(_ uri: JSON?) -> String? {
    guard let text = uri?.string, let url = URL(string: text), url.isFileURL else { return nil }
    return PlanPath.normalize(url.path)
  }

  /// The `file:` URI of an absolute path.
  func uri(_ path: String) -> JSON {
    .string(URL(fileURLWithPath: path).absoluteString)
  }
}
