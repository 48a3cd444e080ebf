"""`pip install .` must ship the rule packs and the trained models inside the wheel."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import REPO


def test_wheel_contains_rule_packs_and_models(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path),
                           str(REPO)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    (wheel,) = tmp_path.glob("contentlint-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for pack in ("hard-sell", "follower-bait", "company-centric", "vanity-kpi", "cues", "classification",
                 "calendar", "rewrites"):
        assert f"contentlint/packs/{pack}.yaml" in names
    for lang in ("en", "ja"):
        assert f"contentlint/models/{lang}/config.cfg" in names
        assert f"contentlint/models/{lang}/textcat/model" in names
    assert "contentlint/models/MODEL_CARD.md" in names
    for module in ("calendar/report.py", "rewrite/forms.py", "report/sarif.py", "cli/report.py"):
        assert f"contentlint/{module}" in names
    assert {"contentlint/report/templates/report.html.j2", "contentlint/report/templates/report.md.j2",
            "contentlint/report/schema/check-2.schema.json"} <= names
    # every template (the report's, its parts shared with the web pages, the pages') and the page's script
    assets = [p for folder in ("report/templates", "web/templates", "web/static")
              for p in (REPO / "contentlint" / folder).iterdir() if p.is_file()]
    assert len(assets) >= 12 and (REPO / "contentlint/web/static/contentlint.js") in assets
    assert {p.relative_to(REPO).as_posix() for p in assets} <= names
    assert {"contentlint/web/app.py", "contentlint/cli/serve.py"} <= names
    assert not any(name.startswith(("tests/", "corpus/", "samples/")) for name in names)
