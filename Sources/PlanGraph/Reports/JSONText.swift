/// JSON string escaping, for every JSON the tool writes.
public enum JSONText {
  /// `text` as a JSON string literal, quotes included; non-ASCII text is kept as UTF-8.
  public static func string(_ text: String) -> String {
    var writer = ByteWriter(capacity: text.utf8.count + 2)
    writer.writeJSON(text)
    return String(decoding: writer.bytes, as: UTF8.self)
  }
}
