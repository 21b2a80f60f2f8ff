/// The contract's status table: the first rule that applies wins.
enum StatusRules {
  /// Sets `status`, `daysOverdue` and `isLate` of a non-cancelled task or summary row.
  static func apply(to row: inout TaskSchedule, isDone: Bool, isBlocked: Bool, asOf asOfDay: Int, window: Int) {
    row.daysOverdue = nil
    let deadline = row.deadline?.ordinal
    if isDone {
      row.status = .done
      if let deadline, let on = row.finishedOn?.ordinal { row.isLate = on > deadline }
    } else if let deadline, deadline < asOfDay {
      row.status = .overdue
      row.daysOverdue = asOfDay - deadline
    } else if let deadline, let forecast = row.forecastFinish?.ordinal, forecast > deadline {
      row.status = .atRisk
    } else if let deadline, deadline <= asOfDay + window {
      row.status = .dueSoon
    } else if isBlocked {
      row.status = .blocked
    } else {
      row.status = .onTrack
    }
  }
}
