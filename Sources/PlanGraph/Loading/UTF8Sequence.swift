/// The one rule both JSON readers (`JSONEventReader`, `FastJSONScanner`) accept multi-byte UTF-8 by, so
/// that the fast path declines exactly the text the full reader reports.
enum UTF8Sequence {
  /// The width (2 to 4) of the valid multi-byte UTF-8 sequence at `offset` of `bytes`: no overlong form,
  /// no surrogate, nothing above U+10FFFF, not cut off by the end; nil for anything else.
  @inline(__always)
  static func width<Bytes: RandomAccessCollection>(at offset: Int, in bytes: Bytes) -> Int?
  where Bytes.Element == UInt8, Bytes.Index == Int {
    let b0 = bytes[offset]
    let width: Int
    let minimum: UInt32
    switch b0 {
    case 0xC2...0xDF: (width, minimum) = (2, 0x80)
    case 0xE0...0xEF: (width, minimum) = (3, 0x800)
    case 0xF0...0xF4: (width, minimum) = (4, 0x10000)
    default: return nil
    }
    guard offset + width <= bytes.endIndex else { return nil }
    var value = UInt32(b0) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
    for k in 1..<width {
      let b = bytes[offset + k]
      guard b & 0xC0 == 0x80 else { return nil }
      value = value << 6 | UInt32(b & 0x3F)
    }
    guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return nil }
    return width
  }
}
