/// Cairo stamps every PDF with the wall-clock time it was drawn (`/CreationDate (D:20261205024933Z)`),
/// so the same chart of the same plan gave different bytes each run. The stamp is replaced by a fixed
/// one of the same length, which keeps the file's cross-reference offsets right: charts are
/// byte-stable, like every other output.
enum PDFCreationDate {
  /// The fixed stamp's digits: the Unix epoch, as reproducible builds write it.
  static let fixedDigits = Array("19700101000000".utf8)

  /// `pdf` with the digits after each `/CreationDate (D:` replaced by `fixedDigits`.
  static func fixed(_ pdf: [UInt8]) -> [UInt8] {
    let key = Array("/CreationDate (D:".utf8)
    var bytes = pdf
    var i = 0
    while i + key.count <= bytes.count {
      guard bytes[i] == key[0], bytes[i..<(i + key.count)].elementsEqual(key) else {
        i += 1
        continue
      }
      var k = i + key.count
      var digit = 0
      while k < bytes.count, digit < fixedDigits.count, (0x30...0x39).contains(bytes[k]) {
        bytes[k] = fixedDigits[digit]
        k += 1
        digit += 1
      }
      i = k
    }
    return bytes
  }
}
