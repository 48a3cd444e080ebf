"""The test suite's own habits: what tests share lives in tests/helpers.py (or conftest fixtures), never in a test
module another one imports, and pytest knows every marker a test uses."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.helpers import REPO

TESTS = REPO / "tests"
# (importing file, imported module) still to move, each with its reason; an entry that no longer matches fails.
KNOWN = {
    # The sample drafts and page helpers of the web tests, in test_app.py (its borderline drafts are being pinned
    # again too): to move with INSIGHT_EN.
    ("tests/web/test_brief_editor.py", "tests.web.test_app"),
    ("tests/web/test_browser.py", "tests.web.test_app"),
    ("tests/web/test_language.py", "tests.web.test_app"),
}


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
        elif isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
    return modules


def is_test_module(module: str) -> bool:
    last = module.rsplit(".", 1)[-1]
    return module.startswith("tests.") and (last.startswith("test_") or last == "conftest")


def test_no_test_module_imports_another_test_module_or_conftest() -> None:
    found = {
        (path.relative_to(REPO).as_posix(), module)
        for path in sorted(TESTS.rglob("*.py"))
        for module in imported_modules(path)
        if is_test_module(module)
    }
    assert found - KNOWN == set(), "import what tests share from tests.helpers"
    assert KNOWN - found == set(), "moved: take the entry out of KNOWN"


def test_the_check_sees_an_import_of_a_test_module(tmp_path: Path) -> None:
    module = tmp_path / "test_x.py"
    module.write_text(
        "from tests.cli.test_check import PROMO_EN\nimport tests.conftest\nfrom tests.helpers import run\n",
        encoding="utf-8",
    )
    assert {m for m in imported_modules(module) if is_test_module(m)} == {"tests.cli.test_check", "tests.conftest"}
