"""The import contracts in pyproject.toml (`[tool.importlinter]`, see ARCHITECTURE.md) hold, and break when a
module imports upward."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import REPO

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
CONTRACTS = (
    "Layers: nothing imports upward",
    "Analysis never imports rules",
    "Sources never import nlp",
    "Reporters import only the result model",
    "No import circle",
)


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """`lint-imports` on the package under ``root`` with the project's contracts."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(root / "pyproject.toml"), "--no-cache"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def package_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("layers")
    shutil.copytree(REPO / "contentlint", root / "contentlint", ignore=shutil.ignore_patterns("__pycache__", "models"))
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    return root


def test_every_contract_is_kept() -> None:
    run = lint_imports(REPO)
    assert run.returncode == 0, run.stdout + run.stderr
    kept = " ".join(run.stdout.split())  # a long contract name wraps
    assert all(f"{name}" in kept for name in CONTRACTS) and kept.count(" KEPT") == len(CONTRACTS), run.stdout


@pytest.mark.parametrize(
    ("module", "upward", "broken"),
    [
        ("nlp/phrases.py", "contentlint.checks.registry", "Analysis never imports rules"),
        ("sources/post.py", "contentlint.nlp.pipeline", "Sources never import nlp"),
        ("report/json.py", "contentlint.suppress", "Reporters import only the result model"),
        ("checks/messages.py", "contentlint.result", "Layers: nothing imports upward"),
        ("checks/protocol.py", "contentlint.checks.registry", "No import circle"),
    ],
)
def test_an_upward_import_breaks_its_contract(package_copy: Path, module: str, upward: str, broken: str) -> None:
    path = package_copy / "contentlint" / module
    original = path.read_text(encoding="utf-8")
    try:
        path.write_text(f"{original}\nimport {upward}  # noqa\n", encoding="utf-8")
        run = lint_imports(package_copy)
    finally:
        path.write_text(original, encoding="utf-8")
    assert run.returncode == 1, run.stdout + run.stderr
    summary = " ".join(run.stdout.split("Broken contracts")[0].split())  # a long contract name wraps
    verdict = re.search(r" (KEPT|BROKEN)\b", summary[summary.index(broken) :])
    assert verdict is not None and verdict.group(1) == "BROKEN", run.stdout
