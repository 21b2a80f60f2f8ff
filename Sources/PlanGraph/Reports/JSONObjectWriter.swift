/// The comma state of one JSON object or array being written into a `ByteWriter`: the writer below owns
/// commas, keys and escaping, so a report lists its fields and never writes punctuation itself.
public struct JSONObject: Sendable {
  fileprivate var isEmpty = true
  /// What goes between two members: `", "` inline, `",\n  "` for a top-level object over lines.
  fileprivate let separator: String
  /// What closes it: `"}"`, `"\n}\n"`, `"]"` or `"\n  ]"`.
  fileprivate let close: String
  /// What closes it when nothing was written.
  fileprivate let closeEmpty: String
  /// What follows a key: `": "`, or `":"` in compact JSON.
  fileprivate let colon: String
  /// Whether this is an inline object (`{"a": 1, "b": 2}`), the punctuation a `JSONKey` carries.
  fileprivate let isInline: Bool

  fileprivate init(
    separator: String, close: String, closeEmpty: String, colon: String = ": ", isInline: Bool = false
  ) {
    // No bytes made here: an object is opened per item of a list, a million times over.
    self.separator = separator
    self.close = close
    self.closeEmpty = closeEmpty
    self.colon = colon
    self.isInline = isInline
  }
  /// What goes before an array's first element: the separator without its comma.
  fileprivate var first: String { String(separator.drop { $0 == "," || $0 == " " }) }

  /// The same object or array with something already written in it: where a part of its members is
  /// written into another writer (another thread's), which goes on after what this one wrote.
  package var continued: JSONObject {
    var copy = self
    copy.isEmpty = false
    return copy
  }
}

extension ByteWriter {
  /// Opens an object: inline (`{"a": 1, "b": 2}`) or, for a report's top level, one member a line.
  public mutating func beginObject(multiline: Bool = false) -> JSONObject {
    write(multiline ? "{\n  " : "{")
    return multiline
      ? JSONObject(separator: ",\n  ", close: "\n}\n", closeEmpty: "}\n")
      : JSONObject(separator: ", ", close: "}", closeEmpty: "}", isInline: true)
  }

  /// Opens an array, one element a line at `indent` spaces (the report's item lists).
  public mutating func beginArray(indent: Int) -> JSONObject {
    write("[")
    let pad = String(repeating: " ", count: indent)
    return JSONObject(
      separator: ",\n" + pad, close: "\n" + String(repeating: " ", count: max(0, indent - 2)) + "]",
      closeEmpty: "]")
  }

  /// Opens an object in compact JSON, no space anywhere: `{"a":1,"b":2}` (the history reports).
  public mutating func beginCompactObject() -> JSONObject {
    write("{")
    return JSONObject(separator: ",", close: "}", closeEmpty: "}", colon: ":")
  }

  /// Opens an array written on one line: `[1, 2, 3]` (`[1,2,3]` when `compact`), `[]` when empty.
  public mutating func beginInlineArray(compact: Bool = false) -> JSONObject {
    write("[")
    return JSONObject(separator: compact ? "," : ", ", close: "]", closeEmpty: "]")
  }

  /// Writes `texts` as an inline array of JSON strings: `["a", "b"]` (`["a","b"]` when `compact`).
  public mutating func writeJSON(_ texts: [String], compact: Bool = false) {
    var array = beginInlineArray(compact: compact)
    for text in texts {
      element(in: &array)
      writeJSON(text)
    }
    end(array)
  }

  /// Writes `days` as an inline array of `YYYY-MM-DD` strings.
  public mutating func writeJSON(_ days: [Day]) {
    var array = beginInlineArray()
    for day in days {
      element(in: &array)
      writeJSON(day)
    }
    end(array)
  }

  /// A member whose value is an inline array of strings (without spaces when `compact`).
  public mutating func field(_ name: String, _ texts: [String], compact: Bool = false, in object: inout JSONObject) {
    key(name, in: &object)
    writeJSON(texts, compact: compact)
  }

  /// A number member written as its decimal text (a target's value, a measurement): `95`, `93.2`.
  public mutating func field(_ name: String, number: DecimalNumber, in object: inout JSONObject) {
    key(name, in: &object)
    write(number.description)
  }

  /// Starts the next member of an array: the comma (or the first line break) before it.
  public mutating func element(in array: inout JSONObject) {
    write(array.isEmpty ? array.first : array.separator)
    array.isEmpty = false
  }

  /// Writes `"key": ` after the comma the object needs; the value follows.
  public mutating func key(_ key: String, in object: inout JSONObject) {
    writeKey(key, after: object.isEmpty ? "" : object.separator, colon: object.colon)
    object.isEmpty = false
  }

  /// Writes a member name made once, with the comma the object needs; the value follows. One store in
  /// an inline object; elsewhere the same bytes as `key(_: String, in:)`.
  @inline(__always)
  public mutating func key(_ key: JSONKey, in object: inout JSONObject) {
    let fragment = object.isEmpty ? key.first : key.later
    if object.isInline && fragment.fits {
      write(fragment)
      object.isEmpty = false
    } else {
      self.key(key.name, in: &object)
    }
  }

  /// A string member, `null` when absent.
  @inline(__always)
  public mutating func field(_ name: JSONKey, _ value: String?, in object: inout JSONObject) {
    key(name, in: &object)
    writeJSON(value)
  }

  /// A date member as `YYYY-MM-DD`, `null` when absent.
  @inline(__always)
  public mutating func field(_ name: JSONKey, _ value: Day?, in object: inout JSONObject) {
    key(name, in: &object)
    writeJSON(value)
  }

  /// A number member, `null` when absent.
  @inline(__always)
  public mutating func field(_ name: JSONKey, _ value: Int?, in object: inout JSONObject) {
    key(name, in: &object)
    writeJSON(value)
  }

  /// A `true`/`false` member.
  @inline(__always)
  public mutating func field(_ name: JSONKey, _ value: Bool, in object: inout JSONObject) {
    key(name, in: &object)
    writeJSON(value)
  }

  /// A member whose value is a fragment made once (a quoted word); `fallback` when it did not fit.
  @inline(__always)
  package mutating func field(
    _ name: JSONKey, _ value: JSONFragment, fallback: String?, in object: inout JSONObject
  ) {
    key(name, in: &object)
    if value.fits { write(value) } else { writeJSON(fallback) }
  }

  /// A string member, `null` when absent.
  public mutating func field(_ name: String, _ value: String?, in object: inout JSONObject) {
    key(name, in: &object)
    writeJSON(value)
  }

  /// A date member as `YYYY-MM-DD`, `null` when absent.
  public mutating func field(_ name: String, _ value: Day?, in object: inout JSONObject) {
    key(name, in: &object)
    writeJSON(value)
  }

  /// A number member, `null` when absent.
  public mutating func field(_ name: String, _ value: Int?, in object: inout JSONObject) {
    key(name, in: &object)
    writeJSON(value)
  }

  /// A `true`/`false` member.
  public mutating func field(_ name: String, _ value: Bool, in object: inout JSONObject) {
    key(name, in: &object)
    writeJSON(value)
  }

  /// Closes an object or array.
  public mutating func end(_ object: JSONObject) {
    write(object.isEmpty ? object.closeEmpty : object.close)
  }
}
