"""bench/RESULTS.md is written by several scripts; each owns one marked section and leaves the others alone."""

from __future__ import annotations

import re
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
TITLE = "# Benchmark results\n"


def write_section(name: str, body: str, path: Path = RESULTS) -> None:
    """Replace the section between ``<!-- name -->`` and ``<!-- /name -->`` (appended when missing)."""
    text = path.read_text(encoding="utf-8") if path.exists() else TITLE
    block = f"<!-- {name} -->\n{body.rstrip()}\n<!-- /{name} -->"
    marked = re.compile(rf"<!-- {re.escape(name)} -->\n.*?<!-- /{re.escape(name)} -->", re.S)
    text = marked.sub(lambda _m: block, text) if marked.search(text) else text.rstrip() + "\n\n" + block + "\n"
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
