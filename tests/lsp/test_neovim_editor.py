"""A real Neovim, headless and without a user config, set up as docs/editors.md says (`vim.lsp.start_client` for
Neovim 0.7, which Debian ships; `vim.lsp.start` from 0.8)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import LAUNCH_DRAFT, LAUNCH_HEADLINE

NVIM = shutil.which("nvim")


@pytest.mark.slow
@pytest.mark.skipif(NVIM is None, reason="Neovim is not installed (.ci/run installs it with apt)")
def test_a_real_neovim_gets_diagnostics_a_hover_and_applies_a_rewrite(tmp_path: Path) -> None:
    """Neovim itself (headless, no user config) starts `contentlint lsp` as the docs set it up, and
    tests/lsp/neovim_client.lua prints what a writer would see: the squiggles, the hover, the title after the
    rewrite action."""
    assert NVIM is not None
    draft = tmp_path / "launch.md"
    draft.write_text(LAUNCH_DRAFT, encoding="utf-8")
    script = Path(__file__).with_name("neovim_client.lua")
    env = {**os.environ, "CONTENTLINT_LSP": "\t".join([sys.executable, "-m", "contentlint", "lsp"])}
    run = subprocess.run(
        [NVIM, "--headless", "-u", "NONE", "-i", "NONE", "-c", f"luafile {script}", str(draft)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    lines = run.stdout.splitlines()
    assert "diagnostic 2:30 hard-sell" in lines and "diagnostic 8:47 hard-sell" in lines, run.stdout + run.stderr
    hover = next(line for line in lines if line.startswith("hover "))
    assert "**sale**" in hover and "promotional" in hover and "at purchase" in hover
    assert f"applied Rewrite the title: {LAUNCH_HEADLINE}" in lines
    assert lines[-1] == f"title title: {LAUNCH_HEADLINE}"
    assert draft.read_text(encoding="utf-8") == LAUNCH_DRAFT  # the edit is the buffer's; the file is untouched
