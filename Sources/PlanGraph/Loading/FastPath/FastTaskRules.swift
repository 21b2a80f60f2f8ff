/// The format's rules for one task as the fast reader sees it: true when the full reader would find
/// nothing to say about it (no error and no warning), so that the fast path may keep going.
enum FastTaskRules {
  /// Whether a finished task row passes every rule of `FormatRules` without a diagnostic.
  static func accepts(_ task: FastPlanRows.Task) -> Bool {
    guard task.has(.id), task.has(.name) else { return false }
    let status: TaskStatus? = task.status >= 0 ? TaskStatus.allCases[Int(task.status)] : nil
    if task.every >= 0 {
      // A duty: no duration, `after`, progress or children; `status: done` is a warning.
      if task.has(.duration) || task.has(.after) || task.has(.progress) || task.has(.tasks) { return false }
      return status != .done
    }
    if task.doneIsList { return false }
    if task.childCount > 0 {
      // A summary: its dates and progress come from its children.
      if task.has(.duration) || task.has(.done) || task.has(.progress) { return false }
      return status == nil || status == .cancelled
    }
    if task.has(.done), let status, status != .done { return false }
    // A leaf with nothing that says how long it takes is warned about as an implicit milestone.
    return task.has(.duration) || task.has(.done) || status == .cancelled
  }
}
