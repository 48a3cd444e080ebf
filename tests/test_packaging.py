"""`pip install .` must ship the rule packs and the trained models inside the wheel."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from contentlint import languages
from contentlint.nlp import combiner
from tests.helpers import REPO

# What a language's model is loaded from (nlp/pipeline.py, nlp/combiner.py): without one of them the language
# falls back or fails only once installed.
MODEL_FILES = (
    "config.cfg",
    "meta.json",
    "textcat/cfg",
    "textcat/model",
    "vocab/strings.json",
    combiner.FILE,
    combiner.ENTRY_FILE,
)


@pytest.mark.slow
@pytest.mark.network  # pip fetches the build backend (setuptools) into an isolated build environment
def test_wheel_contains_rule_packs_and_models(tmp_path: Path) -> None:
    # Built from a copy of what the build reads: pip builds in the tree, and a build/ folder left by an earlier
    # build would supply files that the package data no longer names.
    source = tmp_path / "source"
    for name in ("pyproject.toml", "README.md"):
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, source / name)
    for name in ("contentlint", "rules"):
        shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(source)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    (wheel,) = tmp_path.glob("contentlint-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    packs = sorted(p.name for p in (REPO / "rules").glob("*.yaml"))
    assert len(packs) >= 14 and "ad-law-zh.yaml" in packs
    assert {f"contentlint/packs/{pack}" for pack in packs} <= names
    assert set(languages.codes()) == {"en", "ja", "zh"}
    for lang in languages.codes():
        folder = REPO / "contentlint" / "models" / lang
        assert {f"contentlint/models/{lang}/{name}" for name in MODEL_FILES} <= names, lang
        shipped = {p.relative_to(REPO).as_posix() for p in folder.rglob("*") if p.is_file()}
        assert shipped <= names, sorted(shipped - names)
    assert {"contentlint/models/MODEL_CARD.md", "contentlint/models/card.json"} <= names
    for module in ("calendar/scorecard.py", "rewrite/forms.py", "report/sarif.py", "cli/report.py", "lsp/server.py"):
        assert f"contentlint/{module}" in names
    assert {
        "contentlint/report/templates/report.html.j2",
        "contentlint/report/templates/report.md.j2",
        "contentlint/report/schema/check-2.schema.json",
        "contentlint/report/schema/check-3.schema.json",
    } <= names
    # every template (the report's, its parts shared with the web pages, the pages') and the page's script
    assets = [
        p
        for folder in ("report/templates", "web/templates", "web/static")
        for p in (REPO / "contentlint" / folder).iterdir()
        if p.is_file()
    ]
    assert len(assets) >= 12 and (REPO / "contentlint/web/static/contentlint.js") in assets
    assert {p.relative_to(REPO).as_posix() for p in assets} <= names
    assert {"contentlint/web/app.py", "contentlint/cli/serve.py"} <= names
    # the compiled interface translations (gettext reads the .mo; the .po ships beside it for translators)
    for lang in ("ja", "zh"):
        assert {
            f"contentlint/locale/{lang}/LC_MESSAGES/contentlint.mo",
            f"contentlint/locale/{lang}/LC_MESSAGES/contentlint.po",
        } <= names
    assert not any(name.startswith(("tests/", "corpus/", "samples/")) for name in names)


def test_readme_installs_from_a_clone_or_git_never_from_an_index() -> None:
    """No package index serves contentlint: every install line in README's code blocks names a path or Git."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    code = "\n".join(re.findall(r"```(?:sh|yaml)\n(.*?)```", readme, re.S))
    installs = [m.group(1) for m in re.finditer(r"pip install ((?:\"[^\"]*\"|\S)+)", code)]
    assert installs
    by_name = [spec for spec in installs if re.fullmatch(r"[\"']?contentlint(\[[^\]]*\])?[\"']?", spec)]
    assert by_name == [], by_name
