/// A responsible unit (`owners:`), nested: an organisation and its departments.
public struct Owner: Hashable, Sendable {
  /// The full id: the dotted path of ids from the top-level owner (`league.office`).
  public var id: String
  /// The display name (`办公室`); the local id when the file gives none.
  public var name: String
  /// The index of the enclosing owner in `Plan.owners`, nil for an organisation.
  public var parent: Int?
  /// Where the owner is declared.
  public var location: SourcePosition

  /// Creates an owner.
  public init(id: String, name: String, parent: Int?, location: SourcePosition) {
    self.id = id
    self.name = name
    self.parent = parent
    self.location = location
  }
}
