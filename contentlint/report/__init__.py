"""Reporters: each takes the Result and writes to a stream."""
from __future__ import annotations

from typing import Callable, TextIO

from contentlint.report.json import write_json
from contentlint.report.text import write_text
from contentlint.result import Result

REPORTERS: dict[str, Callable[[Result, TextIO], None]] = {"text": write_text, "json": write_json}


def write_report(result: Result, fmt: str, stream: TextIO) -> None:
    REPORTERS[fmt](result, stream)
