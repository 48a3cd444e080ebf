"""Plain text (the `report.txt.j2` template): `path:line:col: level [rule-id] message`, sorted, then rewrites,
calendar mix tables and a summary. Levels are coloured only on a terminal and never when NO_COLOR is set."""

from __future__ import annotations

import os
from typing import TextIO

from markupsafe import Markup

from contentlint.i18n import DEFAULT
from contentlint.report.printable import one_line
from contentlint.report.render import package_environment
from contentlint.report.view import build_view
from contentlint.result import Result

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}


def _colour(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and "NO_COLOR" not in os.environ


def write_text(result: Result, stream: TextIO, language: str = DEFAULT) -> None:
    colour = _colour(stream)
    # Every field is printed on one line: a newline in a title, message or file name cannot forge a finding line.
    env = package_environment(language).overlay(finalize=_one_line)
    # Markup marks our own escape codes as trusted, so that the renderer does not make them visible as text
    env.filters["level"] = (lambda level: Markup(f"{_COLOURS[level]}{level}\033[0m")) if colour else str
    view = build_view(result, language)
    stream.write(env.get_template("report.txt.j2").render(**view))


def _one_line(value: object) -> object:
    if isinstance(value, str) and not isinstance(value, Markup):
        return one_line(value)
    return value
