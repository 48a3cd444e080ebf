"""The hook in .pre-commit-hooks.yaml, run by pre-commit itself against a temporary content repo."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

PROMO_EN = "---\ntitle: Spring sale\n---\nEverything is 30% off. Buy now — limited time only!\n"
PROMO_JA = "---\ntitle: 春のセール\n---\nオフィス全品30%オフ！今だけの期間限定です。\n"
INSIGHT_EN = ("---\ntitle: How to read a churn chart\n---\nYour churn chart hides two different problems. This guide "
              "shows you, step by step, how to separate customers who leave in their first month from those who "
              "leave after a year.\n\n1. Export sign-up and cancellation dates.\n2. Group customers by month.\n")


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_hook_fails_on_promotional_drafts_and_passes_on_insight(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    git(content, "init", "-q")
    for name, text in {"promo-en.md": PROMO_EN, "promo-ja.md": PROMO_JA, "insight.md": INSIGHT_EN}.items():
        (content / name).write_text(text, encoding="utf-8")
    git(content, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "PRE_COMMIT_COLOR": "never"}

    def try_repo(*files: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "contentlint",
                               "--files", *files], cwd=content, env=env, capture_output=True, text=True,
                              timeout=900)

    failing = try_repo("promo-en.md", "promo-ja.md")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "promo-en.md:4:24: warning [hard-sell]" in failing.stdout
    assert "promo-ja.md:4:13: warning [hard-sell]" in failing.stdout
    # require_serial: one contentlint process saw both files
    assert failing.stdout.count("problems (") == 1 and "in 2 files, 2 posts" in failing.stdout
    passing = try_repo("insight.md")
    assert passing.returncode == 0, passing.stdout + passing.stderr
