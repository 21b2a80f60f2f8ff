/// Up to 32 bytes of JSON made once and written many times over with one fixed-size store: a member's
/// name with its punctuation, a quoted status word, an owner's quoted id.
///
/// Why: a million-row JSON output writes twenty members a row; scanning each name for escapes and
/// copying it in three pieces was most of its time. Made before the loop, a fragment is one store.
package struct JSONFragment: Sendable {
  /// The bytes, zero-padded to 32.
  let bytes: (UInt64, UInt64, UInt64, UInt64)
  /// How many of them are written; 0 when the text did not fit (the writer then takes the slow way).
  let count: Int

  /// The fragment of `utf8`, when it fits in 32 bytes (else an empty one, `fits` false).
  init(_ utf8: [UInt8]) {
    var bytes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    guard utf8.count <= 32 else {
      self.bytes = bytes
      count = 0
      return
    }
    withUnsafeMutableBytes(of: &bytes) { target in
      for (n, byte) in utf8.enumerated() { target[n] = byte }
    }
    self.bytes = bytes
    count = utf8.count
  }

  /// `text` as a quoted, escaped JSON string.
  package init(quoting text: String) {
    var writer = ByteWriter()
    writer.writeJSON(text)
    self.init(writer.bytes)
  }

  /// Whether the text fitted.
  var fits: Bool { count > 0 }
}

/// A member name of the inline objects a list writes once per item (`{"id": …, "name": …}`), with its
/// quotes, escapes, colon and the comma before it made once, so that writing it is one store of 32 bytes.
///
/// Made once before the loop (`let name = JSONKey("name")`) and passed to `field(_:_:in:)` as a name
/// would be. In an object other than an inline one, or for a name too long for 32 bytes, the writer
/// writes the name the usual way: the output is the same either way.
public struct JSONKey: Sendable {
  /// The name.
  public let name: String
  /// `"name": ` for an inline object's first member and `, "name": ` for the others.
  let first: JSONFragment
  let later: JSONFragment

  /// Makes the member name `name`.
  public init(_ name: String) {
    self.name = name
    var writer = ByteWriter()
    writer.writeJSON(name)
    let quoted = writer.bytes
    first = JSONFragment(quoted + Array(": ".utf8))
    later = JSONFragment(Array(", ".utf8) + quoted + Array(": ".utf8))
  }
}
