import PlanGraph

/// The ledger's words in a language: its own section of the shared table of words
/// (`Words.ledger`, reached by member lookup) and the shared words (`words`) for what the other
/// outputs say too, so they are said the same way. Only how they are put together is here.
@dynamicMemberLookup
struct LedgerWords {
  let language: Language

  /// The shared table of words.
  var words: Words { language.words }

  /// A word of the ledger's section.
  subscript<T>(dynamicMember keyPath: KeyPath<PlanGraph.LedgerWords, T>) -> T {
    language.words.ledger[keyPath: keyPath]
  }

  /// The task sheets' columns, in order.
  var taskColumns: [String] {
    let own = words.ledger
    return [
      own.number, words.task, words.source, own.leadUnit, own.supportingUnits, own.timeLimit, words.planned,
      words.forecast, own.progress, own.targetLatest, words.status, words.warning, own.daysOverdue, own.affects,
      own.evidence, own.note,
    ]
  }

  var supportMark: String { words.supportingMark }
  var missed: String { words.missedOccurrences }

  /// The count columns of the summary, in the contract's order.
  var countColumns: [String] {
    [words.ledger.tasks]
      + ([.done, .overdue, .atRisk, .dueSoon, .blocked, .onTrack, .cancelled] as [ScheduleStatus]).map {
        words.ledger.heading($0.label(language))
      }
      + [words.markedBlocked, missed]
  }
}
