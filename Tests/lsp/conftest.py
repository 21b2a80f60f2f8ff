"""The language server under pytest-lsp: a real client talking to `plangraph lsp` over its pipes."""

import shutil
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

sys.path.insert(0, str(Path(__file__).parent))
from rpc import SERVER  # noqa: E402

PLAN = """\
plan: 测试计划
start: 2017-09-01
include: [league.yaml]
owners:
  - id: gov
    name: 区政府
    units:
      - { id: czj, name: 县财政局 }
tasks:
  - id: kickoff
    name: 动员部署
    owner: gov
    duration: 2w
    deadline: 2017-10-20
  - id: fund
    name: 落实经费
    owner: gov.czj
    duration: 4w
    after: [kickoff, league.restructure.staffing]
"""

LEAGUE = """\
id: league
owner: gov
tasks:
  - id: restructure
    name: 完善团区委机关设置
    deadline: 2017年底
    tasks:
      - id: departments
        name: 设立办公室
        duration: 6w
        after: [kickof]
      - id: staffing
        name: 配备挂职、兼职干部
        duration: 60d
        after: [departments]
  - id: review
    name: 总结
    duration: 1w
    after: [restructure.staffing]
"""


@pytest.fixture
def plan_dir(tmp_path: Path) -> Path:
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "league.yaml").write_text(LEAGUE, encoding="utf-8")
    return tmp_path


@pytest.fixture
def chengqu(tmp_path: Path) -> Path:
    source = Path(__file__).resolve().parents[2] / "plans" / "chengqu-2017"
    target = tmp_path / "chengqu"
    shutil.copytree(source, target)
    return target


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient):
    params = types.InitializeParams(capabilities=client_capabilities("visual-studio-code"))
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()
