"""Reporters: each takes the one Result of a run and writes a stream.

Writers are imported when used, so that a run that only prints text does not load Jinja2's HTML machinery
or the SARIF builder (start-up time matters in a pre-commit hook).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import TextIO

from contentlint.i18n import DEFAULT
from contentlint.result import Result

_WRITERS = {
    "text": ("contentlint.report.text", "write_text"),
    "json": ("contentlint.report.json", "write_json"),
    "markdown": ("contentlint.report", "write_markdown"),
    "html": ("contentlint.report", "write_html"),
    "sarif": ("contentlint.report.sarif", "write_sarif"),
    "github": ("contentlint.report.github", "write_github"),
    "junit": ("contentlint.report.junit", "write_junit"),
    "codeclimate": ("contentlint.report.codeclimate", "write_codeclimate"),
}
REPORTERS = tuple(_WRITERS)
FORMATS = (*REPORTERS, "auto")
# Formats people read, in the interface language; the machine formats (JSON, SARIF, GitHub, JUnit, Code Climate)
# keep one finding per match and English field names whatever the language.
TRANSLATED = ("text", "markdown", "html")


def _template(name: str, result: Result, stream: TextIO, language: str) -> None:
    from contentlint.report.render import render_package
    from contentlint.report.view import build_view

    stream.write(render_package(name, build_view(result, language), language))


def write_markdown(result: Result, stream: TextIO, language: str = DEFAULT) -> None:
    _template("report.md.j2", result, stream, language)


def write_html(result: Result, stream: TextIO, language: str = DEFAULT) -> None:
    _template("report.html.j2", result, stream, language)


def writer(fmt: str) -> Callable[..., None]:
    module, name = _WRITERS[fmt]
    return getattr(import_module(module), name)  # type: ignore[no-any-return]


def resolve_format(fmt: str, environ: dict[str, str] | None = None) -> str:
    """`auto`: GitHub annotations inside GitHub Actions, else text."""
    env = os.environ if environ is None else environ
    if fmt == "auto":
        return "github" if env.get("GITHUB_ACTIONS") == "true" else "text"
    return fmt


def write_report(
    result: Result, fmt: str, stream: TextIO, template: Path | None = None, language: str = DEFAULT
) -> None:
    """``result`` in ``fmt`` (or through a user's ``template``); the readable formats speak ``language``."""
    if template is not None:
        from contentlint.report.render import render_user
        from contentlint.report.view import build_view

        stream.write(render_user(template, build_view(result, language), language))
        return
    if fmt in TRANSLATED:
        writer(fmt)(result, stream, language)
    else:
        writer(fmt)(result, stream)
