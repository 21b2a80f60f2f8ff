"""End-to-end tests of `plangraph lsp` through pytest-lsp's client."""

import asyncio
from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").split("\n")) if text in line)


def position(path: Path, text: str, offset: int = 0) -> types.Position:
    line = line_of(path, text)
    return types.Position(line=line, character=path.read_text(encoding="utf-8").split("\n")[line].index(text) + offset)


def open_file(client: LanguageClient, path: Path, text: str | None = None) -> None:
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=path.as_uri(), language_id="yaml", version=1,
                text=path.read_text(encoding="utf-8") if text is None else text)))


async def diagnostics_for(client: LanguageClient, path: Path, condition=lambda diagnostics: True):
    for _ in range(50):
        found = client.diagnostics.get(path.as_uri())
        if found is not None and condition(found):
            return found
        try:
            await asyncio.wait_for(client.wait_for_notification("textDocument/publishDiagnostics"), 2)
        except asyncio.TimeoutError:
            pass
    raise AssertionError(f"no diagnostics for {path.name}: {client.diagnostics.get(path.as_uri())}")


async def test_diagnostics_cover_the_include_tree_with_warnings_as_warnings(client, plan_dir):
    open_file(client, plan_dir / "plan.yaml")
    league = await diagnostics_for(client, plan_dir / "league.yaml", lambda d: len(d) > 0)
    errors = [d for d in league if d.severity == types.DiagnosticSeverity.Error]
    assert [d.code for d in errors] == ["unknown-reference"]
    assert errors[0].range.start == types.Position(line=10, character=16)
    assert "did you mean 'kickoff'" in errors[0].message
    root = await diagnostics_for(client, plan_dir / "plan.yaml")
    assert all(d.severity != types.DiagnosticSeverity.Error for d in root)


async def test_unsaved_text_is_checked_and_a_fix_clears_the_file(client, plan_dir):
    league = plan_dir / "league.yaml"
    open_file(client, league)
    await diagnostics_for(client, league, lambda d: any(x.code == "unknown-reference" for x in d))
    line = line_of(league, "after: [kickof]")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=league.as_uri(), version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(
                        start=types.Position(line=line, character=22), end=types.Position(line=line, character=22)),
                    text="f")]))
    fixed = await diagnostics_for(client, league, lambda d: not any(x.code == "unknown-reference" for x in d))
    assert all(d.severity != types.DiagnosticSeverity.Error for d in fixed)
    assert "kickof]" in league.read_text(encoding="utf-8"), "the disk is untouched"


async def test_a_syntax_error_while_typing_is_reported_with_its_fix(client, plan_dir):
    league = plan_dir / "league.yaml"
    text = league.read_text(encoding="utf-8").replace("name: 总结", "name: 总结: 经验")
    open_file(client, league, text)
    found = await diagnostics_for(client, league, lambda d: any(x.code == "syntax" for x in d))
    syntax = next(d for d in found if d.code == "syntax")
    assert 'quote the value: name: "总结: 经验"' in syntax.message


async def test_definition_follows_after_owner_and_include(client, plan_dir):
    root, league = plan_dir / "plan.yaml", plan_dir / "league.yaml"
    open_file(client, root)
    targets = await client.text_document_definition_async(
        types.DefinitionParams(
            text_document=types.TextDocumentIdentifier(uri=root.as_uri()),
            position=position(root, "league.restructure.staffing", 12)))
    target = targets[0] if isinstance(targets, list) else targets
    assert target.uri == league.as_uri()
    assert target.range.start == position(league, "id: staffing", 4)
    owner = await client.text_document_definition_async(
        types.DefinitionParams(
            text_document=types.TextDocumentIdentifier(uri=root.as_uri()), position=position(root, "gov.czj", 5)))
    owner = owner[0] if isinstance(owner, list) else owner
    assert owner.range.start == position(root, "id: czj", 4)
    include = await client.text_document_definition_async(
        types.DefinitionParams(
            text_document=types.TextDocumentIdentifier(uri=root.as_uri()), position=position(root, "league.yaml", 2)))
    include = include[0] if isinstance(include, list) else include
    assert include.uri == league.as_uri()


async def test_references_of_a_task_span_files(client, plan_dir):
    root, league = plan_dir / "plan.yaml", plan_dir / "league.yaml"
    open_file(client, league)
    found = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(uri=league.as_uri()),
            position=position(league, "id: staffing", 5),
            context=types.ReferenceContext(include_declaration=False)))
    places = sorted((Path(l.uri[len("file://"):]).name, l.range.start.line) for l in found)
    assert places == [("league.yaml", line_of(league, "after: [restructure.staffing]")),
                      ("plan.yaml", line_of(root, "league.restructure.staffing"))]


async def test_document_symbols_are_the_task_tree(client, plan_dir):
    league = plan_dir / "league.yaml"
    open_file(client, league)
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=league.as_uri())))
    assert [s.name for s in symbols] == ["restructure", "review"]
    assert [c.name for c in symbols[0].children] == ["departments", "staffing"]
    assert symbols[0].detail == "完善团区委机关设置"


async def test_hover_shows_the_schedule_as_of_today(client, chengqu):
    league = chengqu / "league.yaml"
    open_file(client, league)
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=league.as_uri()), position=position(league, "id: approve", 5)))
    text = hover.contents.value
    assert "league.measures" in text and text.split("**")[1].endswith(".approve")
    assert "区委组织部审批团区委班子挂职、兼职人选" in text
    assert "district-party.org (区委组织部)" in text
    assert "planned finish: 2017-" in text and "forecast finish:" in text
    assert "slack:" in text and "status as of 2018-01-15: done" in text


async def test_hover_on_a_plan_with_errors_still_names_the_task(client, plan_dir):
    league = plan_dir / "league.yaml"
    open_file(client, league)
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=league.as_uri()), position=position(league, "id: staffing", 5)))
    assert "**league.restructure.staffing** — 配备挂职、兼职干部" in hover.contents.value
    assert "No schedule while the plan has errors" in hover.contents.value


async def completion_labels(client, path: Path, text: str, line_text: str, character: int):
    open_file(client, path, text)
    line = text.split("\n").index(line_text)
    result = await client.text_document_completion_async(
        types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
            position=types.Position(line=line, character=character)))
    items = result.items if hasattr(result, "items") else result
    return sorted(items, key=lambda i: i.sort_text or i.label)


async def test_completion_of_after_puts_siblings_first_with_names(client, plan_dir):
    league = plan_dir / "league.yaml"
    # As editors type it: the closing bracket comes with the opening one.
    text = league.read_text(encoding="utf-8").replace("after: [departments]", "after: []")
    items = await completion_labels(client, league, text, "        after: []", 16)
    labels = [i.label for i in items]
    assert labels[0] == "departments" and items[0].detail == "设立办公室"
    assert "restructure" in labels and "review" in labels
    assert "kickoff" in labels and "staffing" not in labels[:1]
    assert labels.index("departments") < labels.index("review") < labels.index("kickoff")


async def test_completion_while_the_bracket_is_still_open_offers_the_tasks_below_too(client, plan_dir):
    league = plan_dir / "league.yaml"
    text = league.read_text(encoding="utf-8").replace("after: [departments]", "after: [")
    items = await completion_labels(client, league, text, "        after: [", 16)
    labels = [i.label for i in items]
    assert labels[0] == "departments" and "review" in labels and "kickoff" in labels


async def test_completion_of_owner_status_every_dates_and_keys(client, plan_dir):
    root = plan_dir / "plan.yaml"
    base = root.read_text(encoding="utf-8")
    owners = await completion_labels(client, root, base.replace("owner: gov.czj", "owner: "), "    owner: ", 11)
    assert [(i.label, i.detail) for i in owners] == [("gov", "区政府"), ("gov.czj", "县财政局")]
    status = await completion_labels(
        client, root, base.replace("duration: 4w", "status: "), "    status: ", 12)
    assert {i.label for i in status} == {"planned", "active", "blocked", "done", "cancelled"}
    every = await completion_labels(client, root, base.replace("duration: 4w", "every: "), "    every: ", 11)
    assert {i.label for i in every} >= {"week", "month", "quarter", "half-year", "year"}
    dates = await completion_labels(
        client, root, base.replace("deadline: 2017-10-20", "deadline: "), "    deadline: ", 14)
    assert "2018年底" in [i.label for i in dates] and "2年内" in [i.label for i in dates]
    keys = await completion_labels(client, root, base.replace("duration: 2w", "du"), "    du", 6)
    labels = {i.label for i in keys}
    assert "duration" in labels and "after" in labels and "name" not in labels and "plan" not in labels
    top = await completion_labels(client, root, base + "ow\n", "ow", 2)
    # The root file writes plan, start, include, owners and tasks; calendar and warnings are root-file keys too.
    assert {i.label for i in top} == {"id", "owner", "calendar", "warnings"}, "only the file keys not yet written"


async def test_rename_changes_every_file_and_refuses_a_collision(client, plan_dir):
    root, league = plan_dir / "plan.yaml", plan_dir / "league.yaml"
    open_file(client, league)
    edit = await client.text_document_rename_async(
        types.RenameParams(
            text_document=types.TextDocumentIdentifier(uri=league.as_uri()),
            position=position(league, "id: restructure", 5), new_name="reorganise"))
    changes = {Path(uri[len("file://"):]).name: sorted((e.range.start.line, e.new_text) for e in edits)
               for uri, edits in edit.changes.items()}
    assert changes == {
        "league.yaml": [(line_of(league, "id: restructure"), "reorganise"),
                        (line_of(league, "after: [restructure.staffing]"), "reorganise.staffing")],
        "plan.yaml": [(line_of(root, "league.restructure.staffing"), "league.reorganise.staffing")],
    }
    try:
        await client.text_document_rename_async(
            types.RenameParams(
                text_document=types.TextDocumentIdentifier(uri=league.as_uri()),
                position=position(league, "id: staffing", 5), new_name="departments"))
    except Exception as error:  # the JSON-RPC error comes back as an exception
        assert "departments" in str(error)
    else:
        raise AssertionError("a colliding rename was accepted")


async def test_code_action_applies_did_you_mean(client, plan_dir):
    league = plan_dir / "league.yaml"
    open_file(client, league)
    found = await diagnostics_for(client, league, lambda d: any(x.code == "unknown-reference" for x in d))
    diagnostic = next(d for d in found if d.code == "unknown-reference")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=league.as_uri()), range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic])))
    assert [a.title for a in actions] == ["Change to 'kickoff'"]
    (edits,) = actions[0].edit.changes.values()
    assert edits[0].new_text == "kickoff" and edits[0].range == diagnostic.range


async def test_a_yaml_file_that_is_not_part_of_a_plan_gets_no_diagnostics(client, tmp_path):
    other = tmp_path / "ci.yaml"
    other.write_text("jobs:\n  build: {runs-on: debian}\n", encoding="utf-8")
    open_file(client, other)
    assert list(await diagnostics_for(client, other)) == []


async def test_references_of_an_owner_span_files(client, plan_dir):
    root, league = plan_dir / "plan.yaml", plan_dir / "league.yaml"
    open_file(client, root)
    found = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(uri=root.as_uri()),
            position=position(root, "id: gov", 5),
            context=types.ReferenceContext(include_declaration=True)))
    places = sorted((Path(l.uri[len("file://"):]).name, l.range.start.line) for l in found)
    assert places == [("league.yaml", line_of(league, "owner: gov")),
                      ("plan.yaml", line_of(root, "id: gov")), ("plan.yaml", line_of(root, "owner: gov"))]


async def test_a_supporting_unit_is_a_reference_to_its_owner(client, plan_dir):
    root = plan_dir / "plan.yaml"
    text = root.read_text(encoding="utf-8").replace("    owner: gov.czj\n", "    owner: gov.czj\n    support: [gov]\n")
    root.write_text(text, encoding="utf-8")
    open_file(client, root)
    found = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(uri=root.as_uri()),
            position=position(root, "id: gov", 5),
            context=types.ReferenceContext(include_declaration=False)))
    lines = sorted(l.range.start.line for l in found if Path(l.uri[len("file://"):]).name == "plan.yaml")
    # kickoff's owner (the first "owner: gov" line) and fund's supporting unit.
    assert lines == [line_of(root, "owner: gov"), line_of(root, "support: [gov]")]
    # From the support entry, definition goes to the owner's declaration.
    target = await client.text_document_definition_async(
        types.DefinitionParams(
            text_document=types.TextDocumentIdentifier(uri=root.as_uri()),
            position=position(root, "support: [gov]", 11)))
    target = target[0] if isinstance(target, list) else target
    assert target.range.start == position(root, "id: gov", 4)


async def test_saving_reads_the_disk_again_for_files_not_open(client, plan_dir):
    root, league = plan_dir / "plan.yaml", plan_dir / "league.yaml"
    open_file(client, root)
    await diagnostics_for(client, league, lambda d: any(x.code == "unknown-reference" for x in d))
    league.write_text(league.read_text(encoding="utf-8").replace("[kickof]", "[kickoff]"), encoding="utf-8")
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=root.as_uri())))
    fixed = await diagnostics_for(client, league, lambda d: not any(x.code == "unknown-reference" for x in d))
    assert all(d.severity != types.DiagnosticSeverity.Error for d in fixed)


async def test_prepare_rename_on_a_reference_gives_the_range_under_the_cursor(client, plan_dir):
    root = plan_dir / "plan.yaml"
    open_file(client, root)
    result = await client.text_document_prepare_rename_async(
        types.PrepareRenameParams(
            text_document=types.TextDocumentIdentifier(uri=root.as_uri()),
            position=position(root, "league.restructure.staffing", 20)))
    start = position(root, "league.restructure.staffing")
    assert result.range.start == start, "in this document, not at the task's id in league.yaml"
    assert result.range.end.character == start.character + len("league.restructure.staffing")
    assert result.placeholder == "staffing"
