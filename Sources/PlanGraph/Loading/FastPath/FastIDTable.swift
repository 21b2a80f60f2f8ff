/// An open-addressing table of 64-bit hashes to rows, for full ids that are never built as strings
/// to be looked up: a caller confirms each candidate by comparing the text it stands for.
///
/// Kept at most half full; a probe longer than `maximumProbe` gives up (the caller declines and
/// the full reader, with Swift's seeded hashing, runs), so crafted ids cannot make it quadratic.
struct FastIDTable {
  /// Each slot: the row plus one in the low 32 bits (0: empty), the hash's high 32 bits above, so that a
  /// probe rarely touches a row that is not the one sought.
  private var slots: [UInt64]
  private let mask: Int
  static let maximumProbe = 64
  /// FNV-1a's offset basis: the hash of an empty text.
  static let basis: UInt64 = 0xcbf2_9ce4_8422_2325

  /// A table with room for `count` rows.
  init(count: Int) {
    var capacity = 16
    while capacity < 2 * max(count, 1) { capacity <<= 1 }
    slots = [UInt64](repeating: 0, count: capacity)
    mask = capacity - 1
  }

  /// Continues hash `h` over `bytes[start ..< end]`.
  @inline(__always)
  static func hash(_ h: UInt64, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
    var h = h
    for k in start..<end { h = (h ^ UInt64(bytes[k])) &* 0x100_0000_01b3 }
    return h
  }

  /// Continues hash `h` over one byte.
  @inline(__always)
  static func hash(_ h: UInt64, byte: UInt8) -> UInt64 { (h ^ UInt64(byte)) &* 0x100_0000_01b3 }

  @inline(__always)
  private func home(_ h: UInt64) -> Int {
    Int(truncatingIfNeeded: ((h ^ (h >> 32)) &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
  }

  /// The slot where a probe for hash `h` starts: read ahead of `find` for a batch of hashes, so that
  /// their cache misses overlap instead of coming one after another.
  @inline(__always)
  func first(_ h: UInt64) -> UInt64 {
    slots[home(h)]
  }

  /// The first row with hash `h` that `matches`, nil when none; `.none` (outer) when the probe ran too long.
  /// `first`, when given, is the probe's first slot as `first(h)` read it.
  @inline(__always)
  func find(_ h: UInt64, first: UInt64? = nil, matches: (Int32) -> Bool) -> Int32?? {
    let tag = h & 0xFFFF_FFFF_0000_0000
    var i = home(h)
    for probe in 0..<Self.maximumProbe {
      let slot = probe == 0 ? (first ?? slots[i]) : slots[i]
      if slot == 0 { return .some(nil) }
      if slot & 0xFFFF_FFFF_0000_0000 == tag {
        let row = Int32(truncatingIfNeeded: (slot & 0xFFFF_FFFF) - 1)
        if matches(row) { return .some(row) }
      }
      i = (i + 1) & mask
    }
    return nil
  }

  /// Adds `row` with hash `h`; false when the probe ran too long.
  @inline(__always)
  mutating func insert(_ row: Int32, hash h: UInt64) -> Bool {
    var i = home(h)
    for _ in 0..<Self.maximumProbe {
      if slots[i] == 0 {
        slots[i] = (h & 0xFFFF_FFFF_0000_0000) | UInt64(UInt32(row) + 1)
        return true
      }
      i = (i + 1) & mask
    }
    return false
  }
}
