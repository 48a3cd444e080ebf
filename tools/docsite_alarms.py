"""False alarms on documentation sites: every page of a docs site is insight-led (`howto`: reference, guides, FAQs),
so each page called promotional, and each promotional-class warning, is a false alarm.

    python -m tools.docsite_alarms DOCS_DIR... [--models MODELS_DIR]

Lints each folder as `contentlint check --no-config --no-cache --format json -j 1` does (with the shipped models or
those of `contentlint train --output MODELS_DIR`) and prints, per folder: pages read, error-level findings (input
errors and advertising-law errors), pages whose top class is promotional, pages with a promotional-class warning
(the rules that fire only where the calibrated P(promotional) clears the model's threshold), and warnings by rule.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from contentlint.cli import cli
from contentlint.nlp import pipeline

PROMOTIONAL_CLASS_RULES = ("promo-without-outcome", "company-centric")


def measure(folder: Path) -> dict[str, Any]:
    result = CliRunner().invoke(
        cli, ["check", "--no-config", "--no-cache", "--format", "json", "-j", "1", str(folder)], catch_exceptions=False
    )
    report = json.loads(result.stdout)
    posts = report["posts"]
    findings = report["findings"]
    errors = [f for f in findings if f["level"] == "error"]
    warned = {f["path"] for f in findings if f["rule"] in PROMOTIONAL_CLASS_RULES}
    return {
        "pages": len(posts),
        "errors": len(errors),
        "promotional": sum(1 for p in posts if p["group"] == "promotional"),
        "warned": len(warned),
        "warnings": dict(Counter(f["rule"] for f in findings if f["level"] == "warning").most_common()),
        "labels": dict(Counter(p["label"] for p in posts).most_common()),
    }


def _pct(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "—"


def main_(argv: list[str]) -> int:
    models = None
    if "--models" in argv:
        at = argv.index("--models")
        models = Path(argv[at + 1])
        del argv[at : at + 2]
    pipeline.use_models(models)
    print("| docs site | pages | errors | called promotional | promotional-class warning | labels |")
    print("|---|---|---|---|---|---|")
    for folder in map(Path, argv):
        m = measure(folder)
        labels = ", ".join(f"{k} {v}" for k, v in m["labels"].items())
        print(
            f"| {folder.name} | {m['pages']} | {m['errors']} | {m['promotional']} "
            f"({_pct(m['promotional'], m['pages'])}) | {m['warned']} ({_pct(m['warned'], m['pages'])}) | {labels} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main_(sys.argv[1:]))
