"""The input formats, in the order they are tried. Adding a format is one module here and one line below."""

from __future__ import annotations

from contentlint.sources.readers import csv_calendar, markdown, profile, yaml_calendar, yaml_post
from contentlint.sources.readers.base import Loaded, Reader, Source

__all__ = ["DEFAULT", "READERS", "Loaded", "Reader", "Source", "include_globs", "readers_for", "suffixes"]

READERS: tuple[Reader, ...] = (
    markdown.READER,
    profile.READER,  # `kind: linkedin-profile` wins over `entries:` and `body:`
    yaml_calendar.READER,  # `entries:` wins over `body:`
    yaml_post.READER,
    csv_calendar.READER,
)
DEFAULT: Reader = markdown.READER  # for a name with no known suffix: standard input, `--stdin-filename x`


def suffixes() -> tuple[str, ...]:
    """Every suffix some reader reads, in registry order, each once."""
    return tuple(dict.fromkeys(suffix for reader in READERS for suffix in reader.suffixes))


def include_globs() -> tuple[str, ...]:
    """The default `include:` of a folder walk: every file some reader reads."""
    return tuple(f"*{suffix}" for suffix in suffixes())


def readers_for(name: str) -> tuple[Reader, ...]:
    """The readers that may read a file of this name, in the order they are tried."""
    lower = name.lower()
    found = tuple(reader for reader in READERS if lower.endswith(reader.suffixes))
    return found or (DEFAULT,)
