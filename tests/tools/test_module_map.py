"""The module map is generated from the package's docstrings, read without importing anything."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import REPO
from tools.module_map import module_map, summary


def test_a_module_is_summed_up_by_its_docstrings_first_paragraph(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(
        '"""Reads <posts> & `a|b`\n   from files.\n\nDetails."""\nraise SystemExit\n', encoding="utf-8"
    )
    (tmp_path / "b.py").write_text("x = 1\n", encoding="utf-8")
    assert summary(tmp_path / "a.py") == "Reads &lt;posts&gt; &amp; `a\\|b` from files."
    assert summary(tmp_path / "b.py") == "*(no docstring)*"


def test_the_map_has_a_table_per_folder_with_every_module(tmp_path: Path) -> None:
    package = tmp_path / "contentlint"
    (package / "checks").mkdir(parents=True)
    (package / "__init__.py").write_text('"""The package."""\n', encoding="utf-8")
    (package / "checks" / "kinds.py").write_text('"""Rule kinds."""\n', encoding="utf-8")
    page = module_map(tmp_path)
    assert page.startswith("# Module map\n")
    assert "## `contentlint/`\n\n| module | what it is |\n|---|---|\n| `__init__.py` | The package. |" in page
    assert "## `contentlint/checks/`\n\n| module | what it is |\n|---|---|\n| `kinds.py` | Rule kinds. |" in page


def test_the_real_package_maps_without_importing_it() -> None:
    page = module_map(REPO)
    assert "| `lint.py` |" in page and "## `contentlint/lsp/`" in page
