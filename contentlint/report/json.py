"""JSON: a versioned document with stable, sorted keys."""

from __future__ import annotations

from typing import TextIO

from contentlint.report.printable import json_text
from contentlint.result import Result


def write_json(result: Result, stream: TextIO) -> None:
    stream.write(json_text(result.to_dict()) + "\n")
