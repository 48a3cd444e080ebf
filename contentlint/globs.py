"""Include/exclude globs on '/'-separated paths relative to the folder being walked.

A pattern without '/' matches a file or folder name at any depth (`*.md`, `node_modules`); a pattern with
'/' matches the relative path from the start, where `**` spans folders (`drafts/**/*.md`). A folder that
matches excludes everything below it.
"""
from __future__ import annotations

import re
from fnmatch import fnmatchcase
from functools import lru_cache
from typing import Iterable


@lru_cache(maxsize=256)
def _path_regex(pattern: str) -> re.Pattern[str]:
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))


def matches(pattern: str, relpath: str) -> bool:
    """True if ``relpath`` (or one of its folders) matches ``pattern``."""
    pattern = pattern.strip().rstrip("/")
    parts = relpath.split("/")
    if "/" not in pattern:
        return any(fnmatchcase(part, pattern) for part in parts)
    regex = _path_regex(pattern.lstrip("/"))
    return any(regex.fullmatch("/".join(parts[:n])) for n in range(1, len(parts) + 1))


def matches_any(patterns: Iterable[str], relpath: str) -> bool:
    return any(matches(pattern, relpath) for pattern in patterns)
