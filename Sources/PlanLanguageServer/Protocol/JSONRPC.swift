/// JSON-RPC 2.0 as the language server protocol uses it: requests, notifications, responses and errors.
public enum JSONRPC {
  /// The error codes the server answers with.
  public enum ErrorCode: Int, Sendable {
    /// The body is not JSON.
    case parseError = -32700
    /// JSON, but not a valid request (or a request after `shutdown`).
    case invalidRequest = -32600
    /// A request the server does not implement.
    case methodNotFound = -32601
    /// Parameters missing or of the wrong shape.
    case invalidParams = -32602
    /// A failure inside the server.
    case internalError = -32603
    /// A request before `initialize`.
    case serverNotInitialized = -32002
    /// A request the server refuses as asked (a rename that would collide).
    case requestFailed = -32803
  }

  /// A failure to answer a request, sent back as a JSON-RPC error.
  public struct Failure: Error, Sendable {
    /// The code.
    public var code: ErrorCode
    /// The words for the user.
    public var message: String

    /// Creates a failure.
    public init(_ code: ErrorCode, _ message: String) {
      self.code = code
      self.message = message
    }
  }

  /// A response carrying `result`.
  public static func response(id: JSON, result: JSON) -> JSON {
    ["jsonrpc": "2.0", "id": id, "result": result]
  }

  /// A response carrying an error.
  public static func error(id: JSON, _ failure: Failure) -> JSON {
    [
      "jsonrpc": "2.0", "id": id,
      "error": ["code": .int(failure.code.rawValue), "message": .string(failure.message)],
    ]
  }

  /// A notification from the server.
  public static func notification(_ method: String, _ params: JSON) -> JSON {
    ["jsonrpc": "2.0", "method": .string(method), "params": params]
  }
}
