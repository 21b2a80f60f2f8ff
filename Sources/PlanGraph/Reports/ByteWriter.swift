/// A growing UTF-8 buffer that the large reports write into: numbers, dates and escaped JSON strings
/// go straight in as bytes, where building them as `String`s would allocate and copy for every field.
public struct ByteWriter: Sendable {
  /// What has been written.
  public private(set) var bytes: [UInt8] = []

  /// Creates an empty buffer with room for about `capacity` bytes.
  public init(capacity: Int = 0) {
    bytes.reserveCapacity(capacity)
  }

  /// Appends `text` as it is.
  public mutating func write(_ text: String) {
    bytes.append(contentsOf: text.utf8)
  }

  /// Appends a whole number in decimal.
  public mutating func write(_ number: Int) {
    if number < 0 { bytes.append(UInt8(ascii: "-")) }
    // The magnitude as UInt, so that Int.min has one too; digits come out last first.
    var rest = number.magnitude
    let start = bytes.count
    repeat {
      bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
      rest /= 10
    } while rest > 0
    bytes[start...].reverse()
  }

  /// Appends a non-negative `number` with leading zeros to `width` digits (for dates).
  private mutating func write(_ number: Int, width: Int) {
    var digits = 1
    var rest = number / 10
    while rest > 0 {
      digits += 1
      rest /= 10
    }
    for _ in digits..<max(digits, width) { bytes.append(UInt8(ascii: "0")) }
    write(number)
  }

  /// Appends `day` as `YYYY-MM-DD`.
  public mutating func write(_ day: Day) {
    let (year, month, dayOfMonth) = day.components
    if year < 0 {
      write(day.iso)
      return
    }
    write(year, width: 4)
    bytes.append(UInt8(ascii: "-"))
    write(month, width: 2)
    bytes.append(UInt8(ascii: "-"))
    write(dayOfMonth, width: 2)
  }

  /// Appends `text` as a JSON string literal: quotes, backslashes, control characters and the two
  /// JavaScript line separators escaped, all other text kept as UTF-8.
  public mutating func writeJSON(_ text: String) {
    bytes.append(UInt8(ascii: "\""))
    let utf8 = text.utf8
    // Most text needs no escape: copy it in one go when so.
    let plain = utf8.withContiguousStorageIfAvailable(ByteWriter.needsNoEscape)
    if plain == true {
      bytes.append(contentsOf: utf8)
    } else {
      writeEscaped(utf8)
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// Whether UTF-8 `text` can go into a JSON string as it is.
  private static func needsNoEscape(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    while i < text.count {
      let byte = text[i]
      if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return false }
      if byte == 0xE2 && i + 2 < text.count && text[i + 1] == 0x80 && (text[i + 2] == 0xA8 || text[i + 2] == 0xA9) {
        return false
      }
      i += 1
    }
    return true
  }

  private mutating func writeEscaped(_ utf8: String.UTF8View) {
    var previous: (UInt8, UInt8) = (0, 0)
    for byte in utf8 {
      // U+2028 and U+2029 are E2 80 A8 and E2 80 A9: undo the two bytes already written.
      if previous == (0xE2, 0x80) && (byte == 0xA8 || byte == 0xA9) {
        bytes.removeLast(2)
        write(byte == 0xA8 ? "\\u2028" : "\\u2029")
        previous = (0, 0)
        continue
      }
      previous = (previous.1, byte)
      switch byte {
      case UInt8(ascii: "\""): write("\\\"")
      case UInt8(ascii: "\\"): write("\\\\")
      case UInt8(ascii: "\n"): write("\\n")
      case UInt8(ascii: "\r"): write("\\r")
      case UInt8(ascii: "\t"): write("\\t")
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        write("\\u00")
        bytes.append(hex[Int(byte >> 4)])
        bytes.append(hex[Int(byte & 0xF)])
      default: bytes.append(byte)
      }
    }
  }

  /// Appends a JSON string, or `null`.
  public mutating func writeJSON(_ text: String?) {
    if let text { writeJSON(text) } else { write("null") }
  }

  /// Appends a day as a JSON string, or `null`.
  public mutating func writeJSON(_ day: Day?) {
    guard let day else {
      write("null")
      return
    }
    bytes.append(UInt8(ascii: "\""))
    write(day)
    bytes.append(UInt8(ascii: "\""))
  }

  /// Appends a JSON number, or `null`.
  public mutating func writeJSON(_ number: Int?) {
    if let number { write(number) } else { write("null") }
  }

  /// Appends `true` or `false`.
  public mutating func writeJSON(_ flag: Bool) {
    write(flag ? "true" : "false")
  }
}
