/// Lead and supporting units (牵头单位, 配合单位): what `--owner` selects.
extension Plan {
  /// Whether one of `owners` leads the task at `index` (its owner) or supports it (`support:`).
  public func isLedOrSupported(_ index: Int, by owners: Set<Int>) -> Bool {
    let task = tasks[index]
    if let owner = task.owner, owners.contains(owner) { return true }
    return task.support.contains { owners.contains($0) }
  }

  /// Whether one of `owners` supports the task at `index` without leading it: the rows marked 配合.
  public func isOnlySupported(_ index: Int, by owners: Set<Int>) -> Bool {
    let task = tasks[index]
    if let owner = task.owner, owners.contains(owner) { return false }
    return task.support.contains { owners.contains($0) }
  }
}
