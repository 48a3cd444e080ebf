from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import run

SALE = "---\ntitle: Sale\n---\nBuy now! Limited time only.\n"


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=t@example.com", "-c", "user.name=t", *args], cwd=cwd, check=True, capture_output=True
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_changed_lints_only_changed_files_and_their_calendars(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    git(tmp_path, "init", "-q")
    (tmp_path / "old.md").write_text(SALE, encoding="utf-8")
    (tmp_path / "kept.md").write_text(SALE, encoding="utf-8")
    (tmp_path / "calendar.yaml").write_text(
        "entries:\n  - {date: 2026-01-05, channel: blog, file: kept.md}\n", encoding="utf-8"
    )
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "first")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(["check", ".", "--changed"])
    assert code == 0 and "in 0 files" in out
    (tmp_path / "kept.md").write_text(SALE.replace("Sale", "Big sale"), encoding="utf-8")  # unstaged change
    (tmp_path / "new.md").write_text(SALE, encoding="utf-8")  # untracked
    code, out, _ = run(["check", ".", "--changed"])
    assert code == 1
    assert "kept.md:4:1: warning [hard-sell]" in out and "new.md:4:1" in out and "old.md" not in out
    assert "calendar.yaml: calendar" in out  # its entry's file changed
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "second")
    code, out, _ = run(["check", ".", "--changed=HEAD~1"])
    assert "kept.md" in out and "new.md" in out and "old.md" not in out


def test_progress_is_silent_off_a_terminal_and_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    from contentlint.cli import progress

    class Tty:
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(progress.sys, "stderr", Tty())
    monkeypatch.delenv("CI", raising=False)
    assert progress.wanted()
    monkeypatch.setenv("CI", "true")
    assert not progress.wanted()
    monkeypatch.setattr(progress.sys, "stderr", object.__new__(type("NotTty", (), {"isatty": lambda self: False})))
    monkeypatch.delenv("CI")
    assert not progress.wanted()


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_changed_finds_japanese_and_chinese_file_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    git(tmp_path, "init", "-q")
    (tmp_path / "記事.md").write_text(SALE, encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "first")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "記事.md").write_text(SALE.replace("Sale", "Big sale"), encoding="utf-8")  # git quotes this name
    (tmp_path / "文章 new.md").write_text(SALE, encoding="utf-8")  # untracked
    code, out, _ = run(["check", ".", "--changed", "--no-cache"])
    assert code == 1 and "記事.md:4:1: warning [hard-sell]" in out and "文章 new.md:4:1: warning [hard-sell]" in out
