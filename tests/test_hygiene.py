"""The code stays linted, formatted, strictly typed and layered: ruff, `ruff format`, mypy (`strict = true`) and
lint-imports with the configuration in pyproject.toml, as .pre-commit-config.yaml runs them on each commit.

A tool that is not installed is skipped; the `test` extra installs all of them, so CI never skips."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.helpers import REPO

BIN = Path(sys.executable).parent
PYPROJECT = REPO / "pyproject.toml"

# Each command as a contributor types it at the repository's root; caches are kept out of the working tree
# where the tool allows it (mypy's is .mypy_cache, ignored by git, and makes a second run a matter of seconds).
CHECKS = {
    "ruff check": ["ruff", "check", "--no-cache"],
    "ruff format": ["ruff", "format", "--check", "--no-cache"],
    "mypy": ["mypy"],
    "lint-imports": ["lint-imports", "--no-cache"],
}


def tool(name: str) -> str:
    """The tool's executable beside this Python's (the venv's), else on PATH; skips the test when there is none."""
    path = BIN / name if (BIN / name).is_file() else shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[test]')")
    return str(path)


def run(command: list[str], cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([tool(command[0]), *command[1:]], cwd=cwd, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("name", CHECKS)
def test_the_code_passes(name: str) -> None:
    result = run(CHECKS[name])
    assert result.returncode == 0, f"`{' '.join(CHECKS[name])}` failed:\n{result.stdout}{result.stderr}"


# The configuration is in force: a file with one mistake of each kind is refused for that mistake.
UNTYPED = "def total(prices):\n    return sum(prices)\n"
UNSTRICT_ZIP = "def pairs(a: list[int], b: list[int]) -> list[tuple[int, int]]:\n    return list(zip(a, b))\n"
UNFORMATTED = "def total( prices:list[int] )->int :\n    return sum( prices )\n"


def test_mypy_is_strict(tmp_path: Path) -> None:
    (tmp_path / "untyped.py").write_text(UNTYPED, encoding="utf-8")
    result = run(
        ["mypy", "--config-file", str(PYPROJECT), "--cache-dir", str(tmp_path / "cache"), "untyped.py"], cwd=tmp_path
    )
    assert result.returncode == 1 and "Function is missing a type annotation  [no-untyped-def]" in result.stdout, (
        result.stdout + result.stderr
    )


def test_ruff_selects_bugbear(tmp_path: Path) -> None:
    (tmp_path / "pairs.py").write_text(UNSTRICT_ZIP, encoding="utf-8")
    result = run(["ruff", "check", "--no-cache", "--config", str(PYPROJECT), "pairs.py"], cwd=tmp_path)
    assert result.returncode == 1 and "B905" in result.stdout, result.stdout + result.stderr


def test_ruff_format_refuses_unformatted_code(tmp_path: Path) -> None:
    (tmp_path / "total.py").write_text(UNFORMATTED, encoding="utf-8")
    result = run(["ruff", "format", "--check", "--no-cache", "--config", str(PYPROJECT), "total.py"], cwd=tmp_path)
    assert result.returncode == 1 and "1 file would be reformatted" in result.stdout, result.stdout + result.stderr


def test_the_commit_hooks_run_the_same_checks() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    entries = {hook["id"]: hook["entry"] for repo in config["repos"] for hook in repo["hooks"]}
    assert entries == {
        "ruff": ".venv/bin/ruff check --force-exclude",
        "ruff-format": ".venv/bin/ruff format --force-exclude",
        "mypy": ".venv/bin/mypy",
        "lint-imports": ".venv/bin/lint-imports",
    }
    validated = run(["pre-commit", "validate-config", ".pre-commit-config.yaml"])
    assert validated.returncode == 0, validated.stdout + validated.stderr
