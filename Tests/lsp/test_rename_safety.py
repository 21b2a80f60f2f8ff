"""Rename through a real client keeps the plan's meaning: captured references are rewritten or the
rename is refused, no full id is taken twice, and only names YAML reads back as that id are accepted."""

from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from test_language_server import line_of, open_file, position

CAPTURE = """\
plan: rn
start: 2018-01-01
include: [lg.yaml]
tasks:
  - id: s
    name: 顶层任务S
    duration: 30d
  - id: g
    name: 组
    tasks:
      - id: c1
        name: 子一
        duration: 2d
      - id: c2
        name: 子二
        duration: 2d
        after: [s]
"""

LG = """\
id: lg
tasks:
  - id: s
    duration: 30d
  - id: g
    tasks:
      - id: c1
        duration: 2d
      - id: c2
        duration: 2d
        after: [s]
  - id: x
    duration: 1d
"""


@pytest.fixture
def rename_dir(tmp_path: Path) -> Path:
    (tmp_path / "plan.yaml").write_text(CAPTURE, encoding="utf-8")
    (tmp_path / "lg.yaml").write_text(LG, encoding="utf-8")
    return tmp_path


async def rename(client: LanguageClient, path: Path, text: str, offset: int, new_name: str):
    return await client.text_document_rename_async(
        types.RenameParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
            position=position(path, text, offset), new_name=new_name))


async def refused(client: LanguageClient, path: Path, text: str, offset: int, new_name: str) -> str:
    try:
        edit = await rename(client, path, text, offset, new_name)
    except Exception as error:  # the JSON-RPC error comes back as an exception
        return str(error)
    raise AssertionError(f"renaming to {new_name!r} was accepted: {edit}")


def changes(edit) -> list[tuple[str, int, str]]:
    return sorted((Path(uri[len("file://"):]).name, e.range.start.line, e.new_text)
                  for uri, edits in edit.changes.items() for e in edits)


async def test_a_reference_a_rename_would_capture_is_rewritten_or_the_rename_refused(client, rename_dir):
    root, lg = rename_dir / "plan.yaml", rename_dir / "lg.yaml"
    open_file(client, root)
    # Root file, no namespace: c1 → s would make c2's `after: [s]` name g.s; no spelling reaches the top s.
    message = await refused(client, root, "id: c1", 4, "s")
    assert "'g.s' instead of 's'" in message
    # And s → c1 would rewrite it to `c1`, which names the sibling g.c1.
    assert "'g.c1' instead of 'c1'" in await refused(client, root, "id: s", 4, "c1")
    # In a namespaced file the full id still reaches the top task: the reference is rewritten to it.
    edit = await rename(client, lg, "id: c1", 4, "s")
    assert changes(edit) == sorted([("lg.yaml", line_of(lg, "after: [s]"), "lg.s"),
                                    ("lg.yaml", line_of(lg, "id: c1"), "s")])


async def test_a_rename_that_gives_a_descendant_another_tasks_full_id_is_refused(client, rename_dir):
    root = rename_dir / "plan.yaml"
    (rename_dir / "lg.yaml").write_text(LG.replace("id: lg", "id: league").replace("id: x", "id: c1"), "utf-8")
    open_file(client, root)
    message = await refused(client, root, "id: g", 4, "league")
    assert "'league.c1'" in message and "lg.yaml" in message


@pytest.mark.parametrize("name", ["null", "Null", "NULL", "-", "~", " c9", "c9 ", "a#b", "a: b"])
async def test_a_name_yaml_would_not_read_back_as_that_id_is_refused(client, rename_dir, name):
    root = rename_dir / "plan.yaml"
    open_file(client, root)
    assert repr(name)[1:-1] in await refused(client, root, "id: c2", 4, name)
