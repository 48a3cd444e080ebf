"""Include/exclude globs on '/'-separated paths relative to the folder being walked.

A pattern without '/' matches a file or folder name at any depth (`*.md`, `node_modules`); a pattern with
'/' matches the relative path from the start, where `**` spans folders (`drafts/**/*.md`). A folder that
matches excludes everything below it.
"""

from __future__ import annotations

from collections.abc import Iterable
from fnmatch import fnmatchcase
from functools import lru_cache

_STAR, _ANY, _SEGMENTS, _ONE = "*", "**", "**/", "?"


@lru_cache(maxsize=256)
def _tokens(pattern: str) -> tuple[str, ...]:
    """A path pattern as tokens: literal characters, `?`, `*` (within a folder), `**` (anything) and `**/` (zero
    or more whole folders). Repeats that match the same thing are folded (`**/**/` is `**/`)."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            token, i = _SEGMENTS, i + 3
        elif pattern.startswith("**", i):
            token, i = _ANY, i + 2
        else:
            token, i = pattern[i], i + 1
        if token in (_STAR, _ANY, _SEGMENTS) and out and out[-1] == token:
            continue
        out.append(token)
    return tuple(out)


def _fullmatch(tokens: tuple[str, ...], path: str) -> bool:
    """Whether ``path`` matches all of ``tokens``: a set-of-states walk (Thompson), so time is bounded by
    len(tokens) x len(path) for any pattern; a backtracking regex took forever on `**/` repeated 30 times."""
    end = len(tokens)

    def closure(states: set[int]) -> set[int]:
        stack, seen = list(states), set(states)
        while stack:
            state = stack.pop()
            if state < end and tokens[state] in (_STAR, _ANY, _SEGMENTS) and state + 1 not in seen:
                seen.add(state + 1)
                stack.append(state + 1)
        return seen

    states = closure({0})
    for char in path:
        after: set[int] = set()
        for state in states:
            if state == end:
                continue
            token = tokens[state]
            if token == _ANY or (token == _STAR and char != "/"):
                after.add(state)
            elif token == _SEGMENTS:
                after.add(state)  # still inside the folders it spans (`state` is also an exit: see closure)
                if char == "/":
                    after.add(state + 1)
            elif token == char or (token == _ONE and char != "/"):
                after.add(state + 1)
        if not after:
            return False
        states = closure(after)
    return end in states


def matches(pattern: str, relpath: str) -> bool:
    """True if ``relpath`` (or one of its folders) matches ``pattern``."""
    pattern = pattern.strip().rstrip("/")
    parts = relpath.split("/")
    if "/" not in pattern:
        return any(fnmatchcase(part, pattern) for part in parts)
    tokens = _tokens(pattern.lstrip("/"))
    return any(_fullmatch(tokens, "/".join(parts[:n])) for n in range(1, len(parts) + 1))


def matches_any(patterns: Iterable[str], relpath: str) -> bool:
    return any(matches(pattern, relpath) for pattern in patterns)
