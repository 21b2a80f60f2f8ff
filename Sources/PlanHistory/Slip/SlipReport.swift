import PlanGraph

/// `PlanSlip` as text: by unit with a count line, as a table, JSON, CSV, Markdown or an HTML section.
public struct SlipReport: Sendable {
  /// The view.
  public let slip: PlanSlip
  /// The language of the words (JSON and CSV keys stay English).
  public let language: Language

  /// Creates the report.
  public init(_ slip: PlanSlip, language: Language) {
    self.slip = slip
    self.language = language
    self.words = HistoryWords(language)
  }

  /// The language's history words, copied once: a report asks for them on every row.
  private let words: HistoryWords

  /// A kind of finding in words.
  public func label(_ kind: SlipItem.Kind) -> String {
    switch kind {
    case .newlyOverdue: return words.newlyOverdue
    case .slipped: return words.slipped
    case .extended: return words.extended
    case .closed: return words.closed
    case .added: return words.addedWord
    case .cancelled: return words.cancelled
    case .removed: return words.removedWord
    }
  }

  /// The count line of a unit: "3 slipped, 1 deadline extended, 2 newly done".
  public func unitLine(_ unit: String) -> String {
    let counts = slip.counts(unit: unit)
    return words.unitLine(SlipItem.Kind.allCases.map { (label($0), counts[$0] ?? 0) })
  }

  /// The finding's detail in words: dates, days moved, who extended it, the evidence.
  public func detail(_ item: SlipItem) -> String {
    switch item.kind {
    case .newlyOverdue:
      return "\(words.deadline) \(item.new)" + (item.moved.map { " (\(words.moved($0)))" } ?? "")
    case .slipped:
      return "\(words.forecast) \(item.old) → \(item.new) (\(words.moved(item.moved)))"
    case .extended:
      var text = "\(item.old) → \(item.new.isEmpty ? words.none : item.new)"
      if let moved = item.moved { text += " (\(words.moved(moved)))" }
      return text + " — " + record(item)
    case .closed:
      return (item.new.isEmpty ? "" : item.new + " — ") + (item.task.evidence ?? words.noEvidence)
    case .added, .removed:
      return item.task.owner
    case .cancelled:
      return item.old.isEmpty
        ? "" : "\(words.taskStatus(item.old)) → \(words.taskStatus(TaskStatus.cancelled.rawValue))"
    }
  }

  /// Who extended a deadline: the commit's author, date, short id and message's first line.
  public func record(_ item: SlipItem) -> String {
    guard let commit = item.commit else { return words.uncommitted }
    return "\(commit.author), \(commit.day.iso), \(commit.id.short) “\(commit.summary)”"
  }

  private var title: String { words.slipTitle(since: slip.since, to: slip.to, asOf: slip.asOf) }

  /// The table: per unit, its count line, then each finding with its detail line.
  public func table(width: Int = 80, style: TerminalStyle = .plain) -> String {
    // Plan text and commit metadata on one line each, every control character shown, not obeyed.
    let inline = TerminalText.inline
    var out = style.bold(TextWidth.truncate(inline(title), to: width)) + "\n"
    if slip.items.isEmpty { return out + "\n" + words.noChanges + "\n" }
    let kindWidth = SlipItem.Kind.allCases.map { TextWidth.of(label($0)) }.max() ?? 10
    for unit in slip.units {
      out += "\n" + style.bold("【\(inline(unit.isEmpty ? words.noUnit : unit))】") + " " + unitLine(unit) + "\n"
      for item in slip.items where item.task.unit == unit {
        let kind = TextWidth.pad(label(item.kind), to: kindWidth)
        let painted = item.kind == .newlyOverdue || item.kind == .slipped ? style.red(kind) : kind
        out +=
          "  " + painted + " " + TextWidth.truncate(inline(item.task.name), to: max(10, width - kindWidth - 3)) + "\n"
        var detail = inline(detail(item))
        if item.kind == .extended {
          // The record of who extended it on a line of its own, so the message is not cut.
          detail = String(detail.prefix { $0 != "—" }).trimmingTrailingSpaces
        }
        let indent = String(repeating: " ", count: kindWidth + 3)
        let id = inline(item.task.id)
        let together = indent + id + (detail.isEmpty ? "" : "  " + detail)
        if TextWidth.of(together) <= width {
          out += together + "\n"
        } else {
          out += TextWidth.truncate(indent + id, to: width) + "\n"
          out += TextWidth.truncate(indent + detail, to: width) + "\n"
        }
        if item.kind == .extended { out += TextWidth.truncate(indent + "— " + inline(record(item)), to: width) + "\n" }
      }
    }
    return out
  }

  /// The view as one JSON object.
  public func json() -> String {
    var w = ByteWriter()
    json(into: &w)
    return String(decoding: w.bytes, as: UTF8.self)
  }

  /// Writes the view as compact JSON into `w`, through the object writer.
  public func json(into w: inout ByteWriter) {
    var top = w.beginCompactObject()
    w.field("since", slip.since, in: &top)
    w.field("to", slip.to, in: &top)
    w.field("sinceDay", slip.sinceDay, in: &top)
    w.field("asOf", slip.asOf, in: &top)
    w.key("units", in: &top)
    var units = w.beginInlineArray(compact: true)
    for unit in slip.units {
      let counts = slip.counts(unit: unit)
      w.element(in: &units)
      var object = w.beginCompactObject()
      w.field("unit", unit, in: &object)
      w.key("counts", in: &object)
      var countObject = w.beginCompactObject()
      for kind in SlipItem.Kind.allCases { w.field(kind.rawValue, counts[kind] ?? 0, in: &countObject) }
      w.end(countObject)
      w.end(object)
    }
    w.end(units)
    w.key("items", in: &top)
    var items = w.beginInlineArray(compact: true)
    for item in slip.items {
      w.element(in: &items)
      var object = w.beginCompactObject()
      w.field("kind", item.kind.rawValue, in: &object)
      w.field("id", item.task.id, in: &object)
      w.field("name", item.task.name, in: &object)
      w.field("owner", item.task.owner, in: &object)
      w.field("unit", item.task.unit, in: &object)
      w.field("old", item.old, in: &object)
      w.field("new", item.new, in: &object)
      w.field("moved", item.moved, in: &object)
      if item.kind == .closed { w.field("evidence", item.task.evidence, in: &object) }
      if item.kind == .extended {
        w.key("commit", in: &object)
        if let commit = item.commit {
          var commitObject = w.beginCompactObject()
          w.field("id", commit.id.description, in: &commitObject)
          w.field("author", commit.author, in: &commitObject)
          w.field("email", commit.email, in: &commitObject)
          w.field("date", commit.day, in: &commitObject)
          w.field("message", commit.message, in: &commitObject)
          w.end(commitObject)
        } else {
          w.write("null")
        }
      }
      w.end(object)
    }
    w.end(items)
    w.end(top)
    w.write("\n")
  }

  /// The CSV header.
  public static let csvHeader = [
    "unit", "kind", "id", "name", "owner", "old", "new", "moved", "commit", "author", "date", "message", "evidence",
  ]

  /// One record per finding.
  public func csv() -> String {
    let records = slip.items.map { item in
      [
        item.task.unit, item.kind.rawValue, item.task.id, item.task.name, item.task.owner, item.old, item.new,
        item.moved.map(String.init) ?? "", item.commit?.id.description ?? "", item.commit?.author ?? "",
        item.commit?.day.iso ?? "", item.commit?.summary ?? "", item.kind == .closed ? item.task.evidence ?? "" : "",
      ]
    }
    return CSVText.document(header: Self.csvHeader, records: records)
  }

  /// Markdown: a heading per unit with its count line, a table of its findings.
  public func markdown() -> String {
    var out = "## " + MarkdownText.cell(title) + "\n\n"
    if slip.items.isEmpty { return out + words.noChanges + "\n" }
    for unit in slip.units {
      out += "### " + MarkdownText.cell(unit.isEmpty ? words.noUnit : unit) + "\n\n"
      out += MarkdownText.cell(unitLine(unit)) + "\n\n"
      let rows = slip.items.filter { $0.task.unit == unit }.map { item in
        [
          MarkdownText.cell(label(item.kind)), MarkdownText.cell(item.task.name), MarkdownText.cell(item.task.id),
          MarkdownText.cell(detail(item)),
        ]
      }
      out += MarkdownText.table(
        header: [words.change, words.task, "id", words.detail], rows: rows)
      out += "\n"
    }
    return out
  }

  /// An HTML `<section>` for the dashboard: every text escaped once, for HTML; rows carry the
  /// dashboard's status classes, so its stylesheet marks them.
  public func htmlSection() -> String {
    var out = "<section id=\"changes\" class=\"slip\">\n<h2>\(HTMLText.escape(title))</h2>\n"
    if slip.items.isEmpty { return out + "<p>\(HTMLText.escape(words.noChanges))</p>\n</section>\n" }
    for unit in slip.units {
      out += "<h3>\(HTMLText.escape(unit.isEmpty ? words.noUnit : unit))</h3>\n"
      out += "<p class=\"tally\">\(HTMLText.escape(unitLine(unit)))</p>\n<div class=\"scroll\"><table>\n"
      for item in slip.items where item.task.unit == unit {
        let status: String
        switch item.kind {
        case .newlyOverdue, .slipped: status = " s-overdue"
        case .extended: status = " s-at-risk"
        case .closed: status = " s-done"
        default: status = ""
        }
        out += "<tr class=\"\(item.kind.rawValue)\(status)\"><td>\(HTMLText.escape(label(item.kind)))</td>"
        out += "<td>\(HTMLText.escape(item.task.name))<br/><code>\(HTMLText.escape(item.task.id))</code></td>"
        out += "<td>\(HTMLText.escape(detail(item)))</td></tr>\n"
      }
      out += "</table></div>\n"
    }
    return out + "</section>\n"
  }

  /// The dashboard `html` with the section first in its `<main>` (or before `</body>`).
  public func inserted(into html: String) -> String {
    let section = htmlSection()
    for marker in ["<main>\n", "</body>"] {
      if let range = html.firstRange(of: marker) {
        let at = marker == "</body>" ? range.lowerBound : range.upperBound
        return String(html[..<at]) + section + String(html[at...])
      }
    }
    return html + section
  }
}
