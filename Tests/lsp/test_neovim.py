"""Neovim (Debian's, headless) with the server attached: diagnostics and a definition jump."""

import json
import os
import shutil
import subprocess
from pathlib import Path

from rpc import BINARY


def test_neovim_shows_diagnostics_and_jumps_to_a_definition(plan_dir: Path, tmp_path: Path):
    nvim = shutil.which("nvim")
    assert nvim, "Neovim is missing: make test installs Debian's neovim (scripts/install-deps.sh --test)"
    output = tmp_path / "result.json"
    environment = dict(os.environ, PLAN_FILE=str(plan_dir / "league.yaml"), PLANGRAPH_BIN=BINARY,
                       NVIM_RESULT=str(output), HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path),
                       XDG_DATA_HOME=str(tmp_path), XDG_STATE_HOME=str(tmp_path))
    script = Path(__file__).with_name("neovim_check.lua")
    subprocess.run([nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", f"luafile {script}"],
                   env=environment, timeout=90, check=True, stdin=subprocess.DEVNULL, capture_output=True)
    result = json.loads(output.read_text())
    assert result.get("error") is None, result.get("error")
    errors = [d for d in result["diagnostics"] if d["severity"] == 1]
    assert [(d["line"], d["col"], d["code"]) for d in errors] == [(10, 16, "unknown-reference")]
    assert "did you mean 'kickoff'" in errors[0]["message"]
    assert result["jumped_to"] == str(plan_dir / "plan.yaml")
    assert result["cursor"] == [5, 8], "on 'gov' of '  - id: gov' (row 1-based, column 0-based)"
