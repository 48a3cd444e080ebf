"""`contentlint lsp`: the command (the server itself is tested over stdio in tests/lsp/)."""

from __future__ import annotations

import importlib.util

import pytest

from contentlint.cli import main
from tests.helpers import run


def test_lsp_is_a_command_with_the_check_options() -> None:
    code, out, _ = run(["lsp", "--help"])
    assert code == 0
    for option in ("--config", "--no-config", "--lang", "--stdio"):
        assert option in out
    assert "lsp " in run(["--help"])[1]


def test_without_the_lsp_extra_it_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "pygls" else real(name, *a))
    assert main(["lsp"]) == 2
    assert 'pip install "contentlint[lsp]"' in capsys.readouterr().err
