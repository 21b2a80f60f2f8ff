/// The keys of a plan file's top-level mapping.
enum FileKey: String, CaseIterable {
  case plan, start, id, owner, include, owners, tasks
}

/// The keys of a task mapping.
enum TaskKey: String, CaseIterable {
  case id, name, owner, duration, start, deadline, after, status, done, progress, evidence, target
  case measurements, every, from, until, source, note, tags, tasks

  /// A bit for sets of keys.
  var bit: UInt32 { 1 << UInt32(TaskKey.allCases.firstIndex(of: self) ?? 0) }
}

/// The keys of an owner mapping.
enum OwnerKey: String, CaseIterable {
  case id, name, units
}

/// The keys of a target mapping.
enum TargetKey: String, CaseIterable {
  case metric, op, value, unit
}

/// The keys of a measurement mapping.
enum MeasurementKey: String, CaseIterable {
  case date, value
}

/// Checks ids: letters of any script, digits, `_` and `-`.
enum IDSyntax {
  /// Whether `text` is a valid task or owner id.
  static func isValid(_ text: String) -> Bool {
    !text.isEmpty && text.unicodeScalars.allSatisfy(isIDScalar)
  }

  private static func isIDScalar(_ scalar: Unicode.Scalar) -> Bool {
    if scalar == "_" || scalar == "-" { return true }
    if scalar.isASCII {
      return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
      .nonspacingMark, .spacingMark:
      return true
    default:
      return false
    }
  }
}
