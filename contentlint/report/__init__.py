"""Reporters: each takes the one Result of a run and writes a stream."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, TextIO

from contentlint.report.github import write_github
from contentlint.report.json import write_json
from contentlint.report.junit import write_junit
from contentlint.report.render import render_package, render_user
from contentlint.report.sarif import write_sarif
from contentlint.report.text import write_text
from contentlint.report.view import build_view
from contentlint.result import Result


def _template(name: str) -> Callable[[Result, TextIO], None]:
    def write(result: Result, stream: TextIO) -> None:
        stream.write(render_package(name, build_view(result)))
    return write


REPORTERS: dict[str, Callable[[Result, TextIO], None]] = {
    "text": write_text, "json": write_json, "markdown": _template("report.md.j2"),
    "html": _template("report.html.j2"), "sarif": write_sarif, "github": write_github, "junit": write_junit,
}
FORMATS = (*REPORTERS, "auto")


def resolve_format(fmt: str, environ: dict[str, str] | None = None) -> str:
    """`auto`: GitHub annotations inside GitHub Actions, else text."""
    env = os.environ if environ is None else environ
    if fmt == "auto":
        return "github" if env.get("GITHUB_ACTIONS") == "true" else "text"
    return fmt


def write_report(result: Result, fmt: str, stream: TextIO, template: Path | None = None) -> None:
    if template is not None:
        stream.write(render_user(template, build_view(result)))
        return
    REPORTERS[fmt](result, stream)
