"""A file to lint, as discovery finds it and the readers receive it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Target:
    """A file to lint. ``explicit`` files were named on the command line (not found by walking)."""

    display: str
    path: Path | None  # None for stdin
    explicit: bool
    root: str | None = None  # the folder argument this file was found in (its posts form a feed)
