"""The data that flows through the linter: posts, positions, findings."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from contentlint.sourcemap import SourceMap

LEVELS = ("info", "warning", "error")
LEVEL_RANK = {name: rank for rank, name in enumerate(LEVELS)}


@dataclass(frozen=True, slots=True)
class Position:
    """1-based line and column (in characters) in the original file."""

    line: int
    column: int


def channel_of(fields: Mapping[str, Any]) -> str | None:
    value = fields.get("channel")
    return str(value).lower() if value is not None else None


@dataclass(slots=True)
class Post:
    """One post: its prose projection (title + body, markup removed) and a map back to the original file.

    ``text`` is what spaCy reads: the title, a blank line, then the body's prose. ``source_map`` maps every
    character of ``text`` to its offset in the original file, so any span found in ``text`` has a true
    line:column. ``fields`` holds the front matter (or YAML post / calendar entry fields) as parsed.
    """

    path: str
    text: str
    source_map: SourceMap
    title: str = ""
    body_start: int = 0
    fields: Mapping[str, Any] = field(default_factory=dict)
    field_positions: Mapping[str, Position] = field(default_factory=dict)
    lang: str = "en"
    lang_source: str = "detected"
    line: int = 1
    index: int = 0
    list_items: tuple[tuple[int, int], ...] = ()  # spans of Markdown list items in ``text``
    calendar: str | None = None  # the calendar this post is an entry of
    entry_line: int | None = None  # the entry's line in that calendar
    body_span: tuple[int, int] | None = None  # file offsets of the body as written (markup and URLs included)
    # The channel the text's own front matter names; a calendar entry's `channel:` may put the text elsewhere.
    written_for: str | None = None

    @property
    def channel(self) -> str | None:
        return channel_of(self.fields)

    def field_location(self, name: str) -> tuple[str, Position]:
        """Where a field is written: in this file's front matter, else at the calendar entry that set it."""
        if name in self.field_positions:
            return self.path, self.field_positions[name]
        if self.calendar is not None and self.entry_line is not None:
            return self.calendar, Position(self.entry_line, 1)
        return self.path, Position(self.line, 1)

    def position(self, offset: int) -> Position:
        line, column = self.source_map.line_col(offset)
        return Position(line, column)


@dataclass(frozen=True, slots=True)
class Related:
    """A post a finding is about, where the finding itself sits elsewhere (a feed's or calendar's finding)."""

    path: str
    line: int

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "line": self.line}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing to tell the writer, at a position in the original file.

    A finding about a whole feed or calendar has no position (``line`` and ``column`` are 0): its ``path`` is the
    feed's folder (ending in ``/``) or the calendar file, ``related`` names the posts it is about and ``about``
    says so in the message's language ("(posts: a.md, b.md)").
    """

    path: str
    line: int
    column: int
    level: str
    rule_id: str
    message: str
    end_line: int | None = None
    end_column: int | None = None
    text: str = ""
    fatal: bool = False
    related: tuple[Related, ...] = ()
    about: str = ""

    @property
    def positioned(self) -> bool:
        """False for a finding about a whole feed or calendar."""
        return self.line > 0

    @property
    def location(self) -> str:
        """`path:line:column`, or the path alone for a finding about a whole feed or calendar."""
        return f"{self.path}:{self.line}:{self.column}" if self.positioned else self.path

    @property
    def full_message(self) -> str:
        """The message and, for a feed's finding, the posts it is about."""
        if not self.about:
            return self.message
        return self.message + ("" if self.about.startswith("（") else " ") + self.about

    def sort_key(self) -> tuple[str, int, int, str, str, int, str]:
        # A feed's findings of one rule follow the order of the posts they are about
        first = self.related[0] if self.related else None
        return (
            self.path,
            self.line,
            self.column,
            self.rule_id,
            first.path if first else "",
            first.line if first else 0,
            self.message,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line if self.positioned else None,
            "column": self.column if self.positioned else None,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "level": self.level,
            "rule": self.rule_id,
            "message": self.message,
            "text": self.text,
            "related": [r.to_dict() for r in self.related],
        }


# -- fingerprints: a finding's identity for baselines and code-quality reports ------------------------------

_NUMBERS = re.compile(r"\d+(?:[.,]\d+)*")


def _what(finding: Finding) -> str:
    # Numbers in messages (confidence, counts, days) drift between runs; the matched text does not.
    return finding.text or _NUMBERS.sub("#", finding.message)


def fingerprint(finding: Finding, occurrence: int) -> str:
    """Stable across line shifts: the file, the rule, what was matched (or the message) and which occurrence."""
    basis = "\x1f".join((finding.path.replace("\\", "/").rstrip("/"), finding.rule_id, _what(finding), str(occurrence)))
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:24]


def fingerprints(findings: Iterable[Finding]) -> list[tuple[str, Finding]]:
    """Each finding with its fingerprint, in position order (the same text flagged twice in a file is told apart
    by its occurrence)."""
    seen: dict[tuple[str, str, str], int] = {}
    out = []
    for finding in sorted(findings, key=Finding.sort_key):
        key = (finding.path, finding.rule_id, _what(finding))
        seen[key] = seen.get(key, 0) + 1
        out.append((fingerprint(finding, seen[key]), finding))
    return out
