/// A JSON Schema (draft-07) of the plan format, for editors: pointed at by the YAML language server, it
/// completes keys and flags mistakes as a planner types. Built from the loader's own key lists, and a
/// test keeps the two in step.
///
/// Editors read YAML with its own types (`2020` is a number there), so scalar fields also accept numbers;
/// plangraph itself reads every scalar as text.
public enum PlanSchema {
  /// The schema as JSON text.
  public static func json() -> String {
    let taskKeys: [(TaskKey, String, String)] = [
      (
        .id, ##"{"$ref": "#/definitions/id"}"##,
        "Unique among its siblings; the full id joins the file's namespace and ancestors' ids with dots."
      ),
      (.name, ##"{"type": ["string", "number"]}"##, "The task's name, as the planners call it."),
      (
        .owner, ##"{"type": "string"}"##,
        "The responsible unit: an owner's full dotted id (league.office). Inherited from the parent or the file."
      ),
      (
        .duration, ##"{"$ref": "#/definitions/duration"}"##,
        "A whole number and a unit: d, w (7 days), m (30), y (365), wd (working days of the plan's calendar); or 天/日, 周, 个月/月, 年, 个工作日/工作日. 0d is a milestone."
      ),
      (.start, ##"{"$ref": "#/definitions/date"}"##, "Not earlier than this date; binds every descendant."),
      (.deadline, ##"{"$ref": "#/definitions/date"}"##, "Finished by the end of this day; binds every descendant."),
      (
        .after, ##"{"$ref": "#/definitions/references"}"##,
        "Finish-to-start dependencies: sibling ids, paths inside the file, or full ids."
      ),
      (
        .status, ##"{"enum": ["planned", "active", "blocked", "done", "cancelled"]}"##,
        "planned (default), active, blocked, done or cancelled. A summary task may only be cancelled."
      ),
      (
        .done,
        ##"{"anyOf": [{"$ref": "#/definitions/date"}, {"type": "array", "items": {"$ref": "#/definitions/date"}}]}"##,
        "The day it was finished; for a recurring duty, the days it was held."
      ),
      (
        .progress, ##"{"type": "string", "pattern": "^([0-9]|[1-9][0-9]|100)%$"}"##,
        "How far a task has got: a whole percent, 0% to 100%; above 0% it has started."
      ),
      (.evidence, ##"{"type": ["string", "number", "null"]}"##, "What proves it done: a document number, a link."),
      (
        .target, ##"{"$ref": "#/definitions/target"}"##,
        "A quantitative target; the task is done when a measurement meets it."
      ),
      (
        .measurements, ##"{"type": ["array", "null"], "items": {"$ref": "#/definitions/measurement"}}"##,
        "Observed values of the target's metric."
      ),
      (
        .every, ##"{"enum": ["week", "month", "quarter", "half-year", "year"]}"##,
        "Makes the task a recurring duty: one occurrence per calendar period."
      ),
      (.from, ##"{"$ref": "#/definitions/date"}"##, "First day of a recurring duty (default: the plan start)."),
      (.until, ##"{"$ref": "#/definitions/date"}"##, "Last day of a recurring duty (default: the as-of date)."),
      (
        .source, ##"{"type": ["string", "number", "null"]}"##, "The clause of the source document this task implements."
      ),
      (.note, ##"{"type": ["string", "number", "null"]}"##, "A free remark."),
      (.tags, ##"{"type": ["array", "null"], "items": {"type": ["string", "number"]}}"##, "Free labels."),
      (
        .verifiedBy, ##"{"type": ["string", "null"]}"##,
        "Who checked the evidence and closed the task (销号); written by `plangraph done --verified-by`."
      ),
      (
        .extensions,
        ##"{"type": ["array", "null"], "items": {"type": "object", "properties": {"from": {"$ref": "#/definitions/date"}, "to": {"$ref": "#/definitions/date"}, "on": {"$ref": "#/definitions/date"}, "reason": {"type": "string"}, "approved-by": {"type": "string"}}, "additionalProperties": false}}"##,
        "Deadline extensions granted, oldest first; written by `plangraph extend`."
      ),
      (
        .support, ##"{"type": ["array", "string", "null"], "items": {"type": "string"}}"##,
        "Extension: supporting units (配合单位), owners' full dotted ids; the owner is the lead unit (牵头单位)."
      ),
      (
        .tasks, ##"{"type": ["array", "null"], "items": {"$ref": "#/definitions/task"}}"##,
        "Children: the task becomes a summary task."
      ),
    ]
    var task =
      "{\"type\": \"object\", \"required\": [\"id\", \"name\"], \"additionalProperties\": false, \"properties\": {"
    task += taskKeys.map { key, schema, description in
      "\"\(key.rawValue)\": " + String(schema.dropLast()) + ", \"description\": " + JSONText.string(description) + "}"
    }.joined(separator: ", ")
    task += "}, \"allOf\": ["
    // The contract's rules that a schema can state: duties take no duration, dependencies, children,
    // target, measurements or progress; `from` and `until` belong to duties.
    task +=
      ##"{"if": {"required": ["every"]}, "then": {"not": {"anyOf": [{"required": ["duration"]}, {"required": ["after"]}, {"required": ["tasks"]}, {"required": ["target"]}, {"required": ["measurements"]}, {"required": ["progress"]}]}}}, "##
    task +=
      ##"{"if": {"not": {"required": ["every"]}}, "then": {"not": {"anyOf": [{"required": ["from"]}, {"required": ["until"]}]}}}"##
    task += "]}"

    let file = [
      (
        FileKey.plan,
        ##"{"type": ["string", "number"], "description": "The plan's title (root file only, required there)."}"##
      ),
      (.start, ##"{"$ref": "#/definitions/date", "description": "The plan start (root file only, required there)."}"##),
      (
        .calendar,
        ##"{"anyOf": [{"enum": ["weekdays", "cn", null]}, {"type": "object", "additionalProperties": false, "properties": {"base": {"enum": ["weekdays", "cn"]}, "holidays": {"type": ["array", "null"], "items": {"$ref": "#/definitions/date"}}, "workdays": {"type": ["array", "null"], "items": {"$ref": "#/definitions/date"}}}}], "description": "Which days wd durations count (root file only): weekdays (Monday to Friday, the default), cn (China's official calendar with its make-up working days), or {base, holidays, workdays}."}"##
      ),
      (
        .id,
        ##"{"$ref": "#/definitions/id", "description": "The namespace of this file's task ids (required in an included file)."}"##
      ),
      (.owner, ##"{"type": "string", "description": "The default owner of this file's top-level tasks."}"##),
      (
        .include,
        ##"{"type": ["array", "string", "null"], "items": {"type": "string"}, "description": "Files to include, relative to this one, inside the root file's folder."}"##
      ),
      (
        .owners,
        ##"{"type": ["array", "null"], "items": {"$ref": "#/definitions/owner"}, "description": "Owner units, nested: an owner's id is its dotted path."}"##
      ),
      (.tasks, ##"{"type": ["array", "null"], "items": {"$ref": "#/definitions/task"}}"##),
      (
        .warnings,
        ##"{"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/warningLevel"}, "description": "Extension: the warning rules (预警规则), levels tried in order (root file only)."}"##
      ),
    ]
    var out = "{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n"
    out += "  \"$id\": \"https://plangraph.example/plan-format-v2.schema.json\",\n"
    out += "  \"title\": \"plangraph plan file (contract v2)\",\n"
    out += "  \"type\": \"object\",\n  \"additionalProperties\": false,\n  \"properties\": {\n"
    out += file.map { "    \"\($0.0.rawValue)\": \($0.1)" }.joined(separator: ",\n")
    out += "\n  },\n  \"definitions\": {\n"
    let definitions = [
      ("id", ##"{"type": ["string", "number"], "pattern": "^[^.\\s]+$"}"##),
      (
        "date",
        ##"{"anyOf": [{"type": "integer", "minimum": \##(DateExpression.allowedYears.lowerBound), "maximum": \##(DateExpression.allowedYears.upperBound)}, {"type": "string", "pattern": "^(([0-9]{4}(-([0-9]{2}(-[0-9]{2})?|[QqHh][0-9]))?|[0-9]{4}年(年?底|年?末|中|内|度|上半年|下半年|第?[一二三四1-4]季度末?|[0-9]{1,2}月([0-9]{1,2}日|上旬|中旬|下旬|底|末)?)?)(前|以前|之前)?|\\+[0-9]+(wd|[dwmy])|[0-9]{1,3}年内|[0-9]+(个月|周|天|日|个工作日)内)$"}]}"##
      ),
      ("duration", ##"{"type": "string", "pattern": "^[0-9]+(wd|[dwmy]|天|日|周|个月|月|年|个工作日|工作日)$"}"##),
      (
        "warningLevel",
        ##"{"type": "object", "required": ["name", "color"], "additionalProperties": false, "properties": {"name": {"type": ["string", "number"]}, "color": {"type": "string"}, "overdue": {"type": "integer", "minimum": 0}, "due-within": {"type": "integer", "minimum": 0}, "behind": {"type": "integer", "minimum": 0}, "at-risk": {"type": "boolean"}}}"##
      ),
      (
        "references",
        ##"{"anyOf": [{"type": ["string", "null"]}, {"type": "array", "items": {"type": ["string", "number"]}}]}"##
      ),
      (
        "target",
        ##"{"type": "object", "required": ["metric", "op", "value"], "additionalProperties": false, "properties": {"metric": {"type": ["string", "number"]}, "op": {"enum": [">=", "<=", ">", "<", "="]}, "value": {"anyOf": [{"type": "number"}, {"type": "string", "pattern": "^-?[0-9]+(\\.[0-9]+)?$"}]}, "unit": {"type": ["string", "number"]}}}"##
      ),
      (
        "measurement",
        ##"{"type": "object", "required": ["date", "value"], "additionalProperties": false, "properties": {"date": {"$ref": "#/definitions/date"}, "value": {"anyOf": [{"type": "number"}, {"type": "string", "pattern": "^-?[0-9]+(\\.[0-9]+)?%?$"}]}}}"##
      ),
      (
        "owner",
        ##"{"type": "object", "required": ["id"], "additionalProperties": false, "properties": {"id": {"$ref": "#/definitions/id"}, "name": {"type": ["string", "number"]}, "units": {"type": ["array", "null"], "items": {"$ref": "#/definitions/owner"}}}}"##
      ),
      ("task", task),
    ]
    out += definitions.map { "    \"\($0.0)\": \($0.1)" }.joined(separator: ",\n")
    out += "\n  }\n}\n"
    return out
  }
}
