"""JSON: a versioned document with stable, sorted keys."""
from __future__ import annotations

import json
from typing import TextIO

from contentlint.result import Result


def write_json(result: Result, stream: TextIO) -> None:
    json.dump(result.to_dict(), stream, ensure_ascii=False, indent=2, sort_keys=True)
    stream.write("\n")
