"""`plangraph lsp --lang zh` under pytest-lsp: Chinese diagnostics, and quick fixes from their suggestions."""

from pathlib import Path

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from rpc import SERVER
from test_language_server import diagnostics_for, open_file

CHINESE_SERVER = [*SERVER[:-1], "zh"]


@pytest_lsp.fixture(config=ClientServerConfig(server_command=CHINESE_SERVER))
async def zh_client(lsp_client: LanguageClient):
    params = types.InitializeParams(capabilities=client_capabilities("visual-studio-code"))
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


async def test_chinese_diagnostics_and_their_quick_fixes(zh_client, plan_dir: Path):
    root = plan_dir / "plan.yaml"
    # The unit's name where its id belongs, and an include whose file name is misspelt.
    text = root.read_text(encoding="utf-8").replace("owner: gov.czj", "owner: 县财政局")
    text = text.replace("include: [league.yaml]", "include: [league.yml]")
    root.write_text(text, encoding="utf-8")
    open_file(zh_client, root)
    found = await diagnostics_for(zh_client, root, lambda d: any(x.code == "unknown-owner" for x in d))
    owner = next(d for d in found if d.code == "unknown-owner")
    assert owner.message.startswith("未知的责任单位“县财政局”\n提示：是否想写“gov.czj”（县财政局）？")
    include = next(d for d in found if d.code == "include-missing")
    assert include.message.startswith("无法读取“")
    # The reference into league is not an error of its own: it is counted after the include's error.
    assert [d.code for d in found if d.code in ("unknown-reference", "unchecked-references")] == ["unchecked-references"]
    actions = await zh_client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=root.as_uri()), range=owner.range,
            context=types.CodeActionContext(diagnostics=[owner, include])))
    assert [a.title for a in actions] == ["改为“gov.czj”", "改为“league.yaml”"]
    new_texts = [next(iter(a.edit.changes.values()))[0].new_text for a in actions]
    assert new_texts == ["gov.czj", "league.yaml"]
