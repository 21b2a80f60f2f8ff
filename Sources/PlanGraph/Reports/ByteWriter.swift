/// The UTF-8 buffer every report writes into: numbers, dates and escaped JSON strings go straight in as
/// bytes, where building them as `String`s would allocate and copy for every field.
///
/// Without a sink it grows and keeps everything (`bytes`), for tests and library users who want the
/// output as a value. With a `ByteSink` it is a fixed buffer: once it holds `bufferSize` bytes, the next
/// write first hands them to the sink and starts again, so a report of hundreds of megabytes is never
/// held whole; `finish()` hands over the rest. A buffer is only ever handed over between two writes, so
/// a number, a date, an escaped string or a colour code is never split across chunks.
public struct ByteWriter: Sendable {
  /// What has been written and not yet handed to the sink (without a sink: everything).
  public var bytes: [UInt8] { Array(storage[..<length]) }

  /// The buffer: always initialised to its full size, of which the first `length` bytes are written.
  /// Writes copy into it through its base address, so a write costs one capacity comparison and a copy
  /// instead of a call to `Array.append(contentsOf:)` per piece.
  private var storage: [UInt8]
  /// How many bytes of `storage` are written.
  private var length = 0
  /// The text of the days written last, two words per day (see `writeJSON(_: Day?)`); empty until the
  /// first date.
  private var dayCache: [UInt64] = []

  /// Where full buffers go; nil for a writer that keeps everything.
  public let sink: (any ByteSink)?

  /// How many bytes are gathered before they go to the sink (`Int.max` without one).
  public let bufferSize: Int

  /// The buffer size of a streaming writer unless another is asked for: large enough that a write(2)
  /// per buffer costs nothing, small enough to stay in cache.
  public static let defaultBufferSize = 1 << 20

  /// Creates an empty buffer with room for about `capacity` bytes, which keeps everything written.
  public init(capacity: Int = 0) {
    sink = nil
    bufferSize = Int.max
    storage = [UInt8](repeating: 0, count: max(capacity, 256))
  }

  /// Creates a streaming writer: every `bufferSize` bytes (the last chunk at `finish()`) go to `sink`.
  public init(sink: any ByteSink, bufferSize: Int = ByteWriter.defaultBufferSize) {
    self.sink = sink
    self.bufferSize = max(1, bufferSize)
    // Room for a full buffer and the write that overflows it, so the buffer seldom grows.
    storage = [UInt8](repeating: 0, count: self.bufferSize + 64 * 1024)
  }

  /// Hands what the buffer holds to the sink, when it holds a full buffer. Called before every write.
  @inline(__always)
  private mutating func makeRoom() {
    if length >= bufferSize { flush() }
  }

  /// Hands what the buffer holds to the sink now (nothing happens without a sink).
  public mutating func flush() {
    guard let sink, length > 0 else { return }
    let count = length
    storage.withUnsafeBytes { sink.write(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
    length = 0
  }

  /// Makes room for `count` more bytes: the buffer doubles (a streaming writer's only for one write
  /// larger than its spare room).
  @inline(never)
  private mutating func grow(toHold count: Int) {
    var size = storage.count
    while size - length < count { size *= 2 }
    storage.append(contentsOf: repeatElement(0, count: size - storage.count))
  }

  /// Appends `count` bytes from `source`.
  @inline(__always)
  private mutating func put(_ source: UnsafeRawPointer, _ count: Int) {
    if storage.count - length < count { grow(toHold: count) }
    let at = length
    storage.withUnsafeMutableBytes { buffer in
      // The storage is never empty (at least 256 bytes), so its base address is never nil.
      if let base = buffer.baseAddress { (base + at).copyMemory(from: source, byteCount: count) }
    }
    length += count
  }

  /// Makes sure `count` more bytes fit without growing.
  @inline(__always)
  private mutating func reserve(_ count: Int) {
    if storage.count - length < count { grow(toHold: count) }
  }

  /// Appends `"key": ` after `separator` (empty for an object's first member) with one capacity check
  /// and one write into the buffer: the member names of every JSON output, a million times over.
  package mutating func writeKey(_ key: String, after separator: String, colon: String) {
    makeRoom()
    let done = key.utf8.withContiguousStorageIfAvailable { name -> Bool in
      guard ByteWriter.needsNoEscape(name) else { return false }
      reserve(separator.utf8.count + name.count + 2 + colon.utf8.count)
      let start = length
      length = storage.withUnsafeMutableBufferPointer { buffer -> Int in
        guard let base = buffer.baseAddress else { return start }
        var at = base + start
        for byte in separator.utf8 {
          at.pointee = byte
          at += 1
        }
        at.pointee = UInt8(ascii: "\"")
        at += 1
        if let source = name.baseAddress { at.update(from: source, count: name.count) }
        at += name.count
        at.pointee = UInt8(ascii: "\"")
        at += 1
        for byte in colon.utf8 {
          at.pointee = byte
          at += 1
        }
        return at - base
      }
      return true
    }
    if done != true {
      append(separator)
      appendJSON(key)
      append(colon)
    }
  }

  /// Appends the bytes of `source`.
  @inline(__always)
  private mutating func put(_ source: UnsafeRawBufferPointer) {
    if let base = source.baseAddress { put(base, source.count) }
  }

  /// Appends one byte.
  @inline(__always)
  private mutating func put(_ byte: UInt8) {
    if storage.count == length { grow(toHold: 1) }
    storage[length] = byte
    length += 1
  }

  /// Hands over what has been written (without a sink: everything) without copying it, and leaves the
  /// writer empty: for the callers that keep a whole output, where `bytes` would copy it.
  public mutating func takeBytes() -> [UInt8] {
    storage.removeSubrange(length...)
    let written = storage
    storage = [UInt8](repeating: 0, count: 256)
    length = 0
    return written
  }

  /// Appends what `other` has written and kept, a piece at a time, so that a streaming writer hands its
  /// buffer over between two pieces as between any two writes: for output formatted on another thread.
  package mutating func write(writtenBy other: ByteWriter) {
    let total = other.length
    other.storage.withUnsafeBytes { source in
      var offset = 0
      while offset < total {
        makeRoom()
        let count = min(Self.pieceSize, total - offset)
        put(UnsafeRawBufferPointer(rebasing: source[offset..<offset + count]))
        offset += count
      }
    }
  }

  /// The most `write(writtenBy:)` copies in one write: well under the room a streaming buffer keeps past
  /// its size.
  private static let pieceSize = 32 * 1024

  /// Forgets what has been written, keeping the buffer: a writer without a sink reused for the next piece.
  package mutating func removeAll() {
    length = 0
  }

  /// Ends a streamed output: the last bytes go to the sink. A writer without a sink keeps its bytes.
  public mutating func finish() {
    flush()
  }

  /// Appends `text` as it is.
  public mutating func write(_ text: String) {
    makeRoom()
    append(text)
  }

  /// Appends `text` without looking at the buffer's size: for the middle of one write.
  private mutating func append(_ text: String) {
    // Where the text lies (small ones are copied to the stack): one copy, not a walk of its UTF-8 view.
    let done: Void? = text.utf8.withContiguousStorageIfAvailable { put(UnsafeRawBufferPointer($0)) }
    if done == nil { for byte in text.utf8 { put(byte) } }
  }

  /// Appends a whole number in decimal.
  public mutating func write(_ number: Int) {
    makeRoom()
    append(number)
  }

  private mutating func append(_ number: Int) {
    // Digits are made last first at the end of a small buffer on the stack, then appended in one go: one
    // capacity check per number instead of one per digit.
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
    withUnsafeMutableBytes(of: &digits) { buffer in
      var at = buffer.count
      // The magnitude as UInt, so that Int.min has one too.
      var rest = number.magnitude
      repeat {
        at -= 1
        buffer[at] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
        rest /= 10
      } while rest > 0
      if number < 0 {
        at -= 1
        buffer[at] = UInt8(ascii: "-")
      }
      put(UnsafeRawBufferPointer(rebasing: buffer[at...]))
    }
  }

  /// Appends a non-negative `number` with leading zeros to `width` digits (for dates).
  private mutating func write(_ number: Int, width: Int) {
    var digits = 1
    var rest = number / 10
    while rest > 0 {
      digits += 1
      rest /= 10
    }
    for _ in digits..<max(digits, width) { put(UInt8(ascii: "0")) }
    append(number)
  }

  /// Appends `day` as `YYYY-MM-DD`.
  public mutating func write(_ day: Day) {
    makeRoom()
    append(day)
  }

  private mutating func append(_ day: Day) {
    let (year, month, dayOfMonth) = day.components
    guard year >= 0 && year <= 9999 else {
      if year < 0 {
        append(day.iso)
      } else {
        write(year, width: 4)
        put(UInt8(ascii: "-"))
        write(month, width: 2)
        put(UInt8(ascii: "-"))
        write(dayOfMonth, width: 2)
      }
      return
    }
    // The ten bytes of `YYYY-MM-DD` made on the stack and appended at once.
    var text: (UInt64, UInt64) = (0, 0)
    withUnsafeMutableBytes(of: &text) { buffer in
      Self.digits(year, month, dayOfMonth, into: buffer, at: 0)
      put(UnsafeRawBufferPointer(rebasing: buffer[0..<10]))
    }
  }

  /// Appends `text` as a JSON string literal: quotes, backslashes, control characters and the two
  /// JavaScript line separators escaped, all other text kept as UTF-8.
  public mutating func writeJSON(_ text: String) {
    makeRoom()
    appendJSON(text)
  }

  /// `writeJSON` without looking at the buffer's size: for the middle of one write.
  private mutating func appendJSON(_ text: String) {
    // Most text needs no escape: scanned once where it lies and copied in one go when so.
    let plain = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
      guard ByteWriter.needsNoEscape(utf8) else { return false }
      appendQuoted(utf8)
      return true
    }
    if plain != true {
      put(UInt8(ascii: "\""))
      writeEscaped(text.utf8)
      put(UInt8(ascii: "\""))
    }
  }

  /// Appends UTF-8 `text` (valid UTF-8, as a plan's arena holds) as a JSON string literal, escaped as
  /// `writeJSON(_: String)` does: names and ids straight from the plan's storage, no `String` made.
  package mutating func writeJSON(utf8 text: UnsafeBufferPointer<UInt8>) {
    makeRoom()
    guard ByteWriter.needsNoEscape(text) else {
      appendJSON(String(decoding: text, as: UTF8.self))
      return
    }
    appendQuoted(text)
  }

  /// Appends `utf8`, which needs no escape, between quotes: the quotes and the text in one write into
  /// the buffer.
  private mutating func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
    reserve(utf8.count + 2)
    let start = length
    length = storage.withUnsafeMutableBufferPointer { buffer -> Int in
      buffer[start] = UInt8(ascii: "\"")
      if let source = utf8.baseAddress, let target = buffer.baseAddress, utf8.count > 0 {
        (target + start + 1).update(from: source, count: utf8.count)
      }
      buffer[start + 1 + utf8.count] = UInt8(ascii: "\"")
      return start + 2 + utf8.count
    }
  }

  /// Whether UTF-8 `text` can go into a JSON string as it is.
  private static func needsNoEscape(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = text.baseAddress else { return true }
    let count = text.count
    var i = 0
    // Eight bytes at a time: a word with no control character, quote, backslash or 0xE2 (the lead byte
    // of U+2028 and U+2029) is plain; a word that may hold one is looked at byte by byte below.
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    @inline(__always) func hasZero(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
    while i + 8 <= count {
      let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
      let control = (word &- ones &* 0x20) & ~word & highs != 0
      if control || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C)) || hasZero(word ^ (ones &* 0xE2)) {
        break
      }
      i += 8
    }
    while i < count {
      let byte = base[i]
      if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return false }
      if byte == 0xE2 && i + 2 < count && base[i + 1] == 0x80 && (base[i + 2] == 0xA8 || base[i + 2] == 0xA9) {
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
        length -= 2
        append(byte == 0xA8 ? "\\u2028" : "\\u2029")
        previous = (0, 0)
        continue
      }
      previous = (previous.1, byte)
      switch byte {
      case UInt8(ascii: "\""): append("\\\"")
      case UInt8(ascii: "\\"): append("\\\\")
      case UInt8(ascii: "\n"): append("\\n")
      case UInt8(ascii: "\r"): append("\\r")
      case UInt8(ascii: "\t"): append("\\t")
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        append("\\u00")
        put(hex[Int(byte >> 4)])
        put(hex[Int(byte & 0xF)])
      default: put(byte)
      }
    }
  }

  /// Appends a JSON string, or `null`.
  public mutating func writeJSON(_ text: String?) {
    if let text { writeJSON(text) } else { writeNull() }
  }

  /// Appends a day as a JSON string, or `null`.
  ///
  /// A day of the years 0–9999 is copied from a small table of the days written last (`dayCache`), made
  /// as each is first written: a report of a million rows writes six million dates from a few thousand
  /// days, and working out a date's year, month and day each time was a tenth of its time.
  public mutating func writeJSON(_ day: Day?) {
    guard let day else {
      writeNull()
      return
    }
    let ordinal = day.ordinal
    guard UInt(bitPattern: ordinal &- Self.cachedDays.lowerBound) <= UInt(Self.cachedDays.count - 1) else {
      makeRoom()
      put(UInt8(ascii: "\""))
      append(day)
      put(UInt8(ascii: "\""))
      return
    }
    if dayCache.isEmpty { dayCache = [UInt64](repeating: 0, count: 2 * Self.dayCacheSize) }
    let slot = (ordinal & (Self.dayCacheSize - 1)) * 2
    // The second word holds the text's last four bytes (never zero when made) and, above them, the day.
    let tag = UInt64(UInt32(truncatingIfNeeded: ordinal)) << 32
    var head = dayCache[slot]
    var tail = dayCache[slot + 1]
    if tail & 0xFFFF_FFFF == 0 || tail & 0xFFFF_FFFF_0000_0000 != tag {
      (head, tail) = Self.quoted(day)
      tail |= tag
      dayCache[slot] = head
      dayCache[slot + 1] = tail
    }
    makeRoom()
    store(head, tail, count: 12)
  }

  /// Appends a JSON number, or `null`.
  public mutating func writeJSON(_ number: Int?) {
    if let number { write(number) } else { writeNull() }
  }

  /// Appends `true` or `false`.
  public mutating func writeJSON(_ flag: Bool) {
    makeRoom()
    // "true" and "false" as little-endian words.
    if flag { store(0x6575_7274, 0, count: 4) } else { store(0x65_736C_6166, 0, count: 5) }
  }

  /// Appends `null`.
  public mutating func writeNull() {
    makeRoom()
    store(0x6C6C_756E, 0, count: 4)
  }

  /// Appends a fragment made once (a member name with its punctuation, a quoted word) with one store;
  /// one that did not fit is not written (the caller checks `fits`).
  @inline(__always)
  package mutating func write(_ fragment: JSONFragment) {
    makeRoom()
    reserve(32)
    let at = length
    storage.withUnsafeMutableBytes { buffer in
      let target = buffer.baseAddress.unsafelyUnwrapped + at
      target.storeBytes(of: fragment.bytes.0, as: UInt64.self)
      target.storeBytes(of: fragment.bytes.1, toByteOffset: 8, as: UInt64.self)
      target.storeBytes(of: fragment.bytes.2, toByteOffset: 16, as: UInt64.self)
      target.storeBytes(of: fragment.bytes.3, toByteOffset: 24, as: UInt64.self)
    }
    length = at + fragment.count
  }

  /// Stores sixteen bytes at the end (the buffer always has room past `bufferSize`), of which `count`
  /// are kept.
  @inline(__always)
  private mutating func store(_ head: UInt64, _ tail: UInt64, count: Int) {
    reserve(16)
    let at = length
    storage.withUnsafeMutableBytes { buffer in
      let target = buffer.baseAddress.unsafelyUnwrapped + at
      target.storeBytes(of: head.littleEndian, as: UInt64.self)
      target.storeBytes(of: tail.littleEndian, toByteOffset: 8, as: UInt64.self)
    }
    length = at + count
  }

  /// How many days `dayCache` holds (a power of two): eleven years.
  private static let dayCacheSize = 4096

  /// The days whose text the cache holds: 0000-01-01 to 9999-12-31, four-digit years.
  private static let cachedDays = -719_528...2_932_896

  /// `"YYYY-MM-DD"` as two little-endian words, the first eight bytes and the last four.
  private static func quoted(_ day: Day) -> (UInt64, UInt64) {
    let (year, month, dayOfMonth) = day.components
    var text: (UInt64, UInt64) = (0, 0)
    withUnsafeMutableBytes(of: &text) { buffer in
      buffer[0] = UInt8(ascii: "\"")
      digits(year, month, dayOfMonth, into: buffer, at: 1)
      buffer[11] = UInt8(ascii: "\"")
    }
    return (UInt64(littleEndian: text.0), UInt64(littleEndian: text.1))
  }

  /// `YYYY-MM-DD` (a year of 0 to 9999) into `buffer` from `offset` on: the ten bytes of a date.
  @inline(__always)
  private static func digits(
    _ year: Int, _ month: Int, _ dayOfMonth: Int, into buffer: UnsafeMutableRawBufferPointer, at offset: Int
  ) {
    let zero = UInt8(ascii: "0")
    buffer[offset] = zero + UInt8(truncatingIfNeeded: year / 1000)
    buffer[offset + 1] = zero + UInt8(truncatingIfNeeded: year / 100 % 10)
    buffer[offset + 2] = zero + UInt8(truncatingIfNeeded: year / 10 % 10)
    buffer[offset + 3] = zero + UInt8(truncatingIfNeeded: year % 10)
    buffer[offset + 4] = UInt8(ascii: "-")
    buffer[offset + 5] = zero + UInt8(truncatingIfNeeded: month / 10)
    buffer[offset + 6] = zero + UInt8(truncatingIfNeeded: month % 10)
    buffer[offset + 7] = UInt8(ascii: "-")
    buffer[offset + 8] = zero + UInt8(truncatingIfNeeded: dayOfMonth / 10)
    buffer[offset + 9] = zero + UInt8(truncatingIfNeeded: dayOfMonth % 10)
  }
}
