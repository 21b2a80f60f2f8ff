/// The one mapping reader: every mapping of the format, from the file's to a measurement's, reads its
/// keys through `nextKey`, which reports what is not a key of the table and skips it with its value.
extension PlanFileParser {
  /// Reads the next key of a mapping of `Key`s, recording where it and its value are written; nil at the
  /// mapping's end. Keys that are not plain words, unknown keys and keys given twice are reported here,
  /// once for every mapping, and skipped with their values; the caller reads the value of the key returned.
  mutating func nextKey<Key: PlanKey>(_ places: inout KeyPlaces<Key>) throws(YAMLSyntaxError) -> Key? {
    while true {
      let event = try cursor.next()
      if event.kind == .mappingEnd || event.kind == .streamEnd { return nil }
      guard event.kind == .scalar else {
        let shape = event.kind.nodeName
        bag.error(
          .invalidValue,
          Phrase("a key must be a plain word, not \(shape.english)", "键必须是一个词，不能是\(shape.chinese)"),
          at: cursor.location(event), hint: nil)
        try cursor.skipNode(startingWith: event)
        try cursor.skipNode(startingWith: try cursor.next())
        continue
      }
      guard let key = Key(key: event.text) else {
        reportUnknownKey(event, of: Key.self)
        try cursor.skipNode(startingWith: try cursor.next())
        continue
      }
      guard !places.has(key) else {
        bag.error(
          .duplicateKey,
          Phrase("'\(event.text)' is given twice in this mapping", "键“\(event.text)”在这里写了两次"),
          at: cursor.location(event), hint: Phrase("keep one of them", "只保留一个"))
        try cursor.skipNode(startingWith: try cursor.next())
        continue
      }
      places.setKey(key, cursor.position(event))
      places.setValue(key, try cursor.peekPosition())
      return key
    }
  }

  private mutating func reportUnknownKey<Key: PlanKey>(_ event: YAMLEvent, of: Key.Type) {
    let known = Key.names
    let context = Key.mappingName
    bag.error(
      .unknownKey,
      Phrase("unknown key '\(event.text)' in \(context.english)", "\(context.chinese)中有未知的键“\(event.text)”"),
      at: cursor.location(event),
      hint: ParserPhrases.didYouMean(event.text, in: known)
        ?? Phrase(
          "known keys: " + known.joined(separator: ", "), "可以写的键：" + known.joined(separator: "、")))
  }
}
