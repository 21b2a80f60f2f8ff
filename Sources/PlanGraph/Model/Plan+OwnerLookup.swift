/// Finding an owner from what a user types on the command line.
extension Plan {
  /// Why an owner name matched no owner, or more than one.
  public struct OwnerLookupError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The name as given.
    public var name: String
    /// The owners it could mean, when it is ambiguous; the closest ids, when it matches none.
    public var candidates: [String]
    /// Whether more than one owner matched.
    public var isAmbiguous: Bool

    /// The problem in English words, with the candidates.
    public var description: String { description(in: .en) }

    /// The problem in words of `language`, with the candidates.
    public func description(in language: Language) -> String {
      let quoted = candidates.map { language.pick("'\($0)'", "“\($0)”") }
      let or = language.pick(" or ", "或")
      if isAmbiguous {
        return language.pick("'\(name)' could be ", "“\(name)”可能是") + quoted.joined(separator: or)
      }
      let none = language.pick("no owner '\(name)' in the plan", "计划中没有责任单位“\(name)”")
      guard !candidates.isEmpty else { return none }
      return none + language.pick("; did you mean ", "；是否想写") + quoted.joined(separator: or) + language.pick("?", "？")
    }
  }

  /// The owner a name means: its full id (`league.office`), else its last id part or its display name
  /// when only one owner has it.
  public func owner(named name: String) throws(OwnerLookupError) -> Int {
    if let index = ownerIndex(name) { return index }
    let matches = owners.indices.filter { owners[$0].id.hasSuffix("." + name) || owners[$0].name == name }
    if matches.count == 1 { return matches[0] }
    if matches.count > 1 {
      throw OwnerLookupError(name: name, candidates: matches.map { owners[$0].id }, isAmbiguous: true)
    }
    // The nearest ids; else the owners whose names are nearest (县财政厅 → the owner named 县财政局).
    var near = NearestNames.nearest(to: name, in: owners.map(\.id))
    if near.isEmpty {
      let names = NearestNames.nearest(to: name, in: owners.map(\.name))
      near = owners.filter { names.contains($0.name) }.prefix(3).map(\.id)
    }
    throw OwnerLookupError(name: name, candidates: near, isAmbiguous: false)
  }
}
