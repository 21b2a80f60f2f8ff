/// How wide text is in a spreadsheet column, measured fast enough for a million cells.
enum CellText {
  /// The width of each line of `text` in character units: one for a scalar below U+1100, two for
  /// one above it (CJK ideographs, kana, hangul, full-width forms: what the ledger's text holds).
  /// An estimate for fitting columns and rows, scanned from the UTF-8 bytes without Unicode tables.
  static func lineWidths(_ text: String) -> [Int] {
    var contiguous = text
    contiguous.makeContiguousUTF8()
    return contiguous.utf8.withContiguousStorageIfAvailable(lineWidths) ?? []
  }

  /// The widths of the lines of UTF-8 bytes.
  static func lineWidths(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
    var widths: [Int] = []
    var width = 0
    var i = 0
    while i < bytes.count {
      let byte = bytes[i]
      if byte == 0x0A {
        widths.append(width)
        width = 0
        i += 1
      } else if byte < 0x80 {
        width += 1
        i += 1
      } else if byte < 0xE0 {
        width += 1
        i += 2
      } else if byte < 0xF0 {
        // Three bytes: U+0800…U+FFFF; from U+1100 (E1 84 80) on it is wide.
        let wide = byte > 0xE1 || (byte == 0xE1 && i + 1 < bytes.count && bytes[i + 1] >= 0x84)
        width += wide ? 2 : 1
        i += 3
      } else {
        width += 2
        i += 4
      }
    }
    widths.append(width)
    return widths
  }
}
