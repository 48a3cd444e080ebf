"""Map characters of an analysed text back to line:column in the original file.

The file's text is decoded and its line ends normalised (CRLF and lone CR become LF) before parsing. That
keeps line numbers and columns identical to the original file: each line break is still one break and the
dropped CR always sat at the end of a line. A BOM is removed by decoding and never counts as a column.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence


class SourceFile:
    """The normalised text of one file with its line starts."""

    __slots__ = ("_line_starts", "path", "text")

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.text = text
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._line_starts = starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; columns count characters."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def line_offset(self, line: int) -> int:
        """Offset of the first character of 0-based ``line`` (clamped to the end of the text)."""
        if line >= len(self._line_starts):
            return len(self.text)
        return self._line_starts[line]

    @property
    def line_count(self) -> int:
        return len(self._line_starts)


class SourceMap:
    """Offsets of every character of a projection (the analysed text) in its SourceFile."""

    __slots__ = ("file", "offsets")

    def __init__(self, file: SourceFile, offsets: Iterable[int]) -> None:
        self.file = file
        self.offsets = array("q", offsets)

    def file_offset(self, index: int) -> int:
        if not self.offsets:
            return 0
        if index >= len(self.offsets):
            return self.offsets[-1] + 1
        return self.offsets[max(index, 0)]

    def line_col(self, index: int) -> tuple[int, int]:
        return self.file.line_col(self.file_offset(index))

    def end_line_col(self, end: int) -> tuple[int, int]:
        """Position just after the character at ``end - 1`` (for exclusive span ends)."""
        if end <= 0 or not self.offsets:
            return self.line_col(0)
        return self.file.line_col(self.file_offset(end - 1) + 1)


class ProjectionBuilder:
    """Accumulates prose pieces and the file offset of every character."""

    __slots__ = ("_offsets", "_parts", "list_items")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._offsets = array("q")
        self.list_items: list[tuple[int, int]] = []  # (start, end) of each Markdown list item's prose

    def __len__(self) -> int:
        return len(self._offsets)

    def add(self, text: str, offsets: Iterable[int]) -> None:
        before = len(self._offsets)
        self._offsets.extend(offsets)
        if len(self._offsets) - before != len(text):
            raise ValueError("projection text and offsets differ in length")
        self._parts.append(text)

    def add_at(self, text: str, offset: int) -> None:
        """Add synthetic text (separators) that all maps to one file offset."""
        self._parts.append(text)
        self._offsets.extend([offset] * len(text))

    def ends_with_newline(self) -> bool:
        return bool(self._parts) and self._parts[-1].endswith("\n")

    def build(self, file: SourceFile) -> tuple[str, SourceMap]:
        return "".join(self._parts), SourceMap(file, self._offsets)


_LOOKAHEAD = 64
_HEX_DIGITS = {"x": 2, "u": 4, "U": 8}  # YAML's escapes by code point


def double_quoted(source: str, start: int) -> bool:
    """Whether the YAML scalar whose text starts at ``start`` is double-quoted (its escapes are YAML's)."""
    return start > 0 and source[start - 1] == '"'


def _escape(source: str, pos: int, limit: int, char: str) -> int:
    """The length of the YAML escape at ``pos`` when it writes ``char`` (an escaped backslash, or `\\x41`,
    `\\u00e9`, `\\U0001F600`), else 0. Other escapes keep their old placement (on the character they resemble)."""
    if pos + 1 >= limit or source[pos] != "\\":
        return 0
    if char == "\\":
        return 2 if source[pos + 1] == "\\" else 0
    digits = _HEX_DIGITS.get(source[pos + 1], 0)
    end = pos + 2 + digits
    if not digits or end > limit:
        return 0
    try:
        return end - pos if int(source[pos + 2 : end], 16) == ord(char) else 0
    except ValueError:
        return 0


class Shift:
    """A ``locate`` function for text that is one slice of the file: an offset in the slice plus where the
    slice starts. Being a known shift, it can place a whole run of offsets at once (`located`)."""

    __slots__ = ("base",)

    def __init__(self, base: int) -> None:
        self.base = base

    def __call__(self, offset: int) -> int:
        return self.base + offset


def located(locate: Callable[[int], int], offsets: Sequence[int]) -> list[int]:
    """``locate`` of each offset; a `Shift` adds its base to the run in one pass instead of a call each."""
    if isinstance(locate, Shift):
        base = locate.base
        return [base + offset for offset in offsets]
    return [locate(offset) for offset in offsets]


def align(value: str, source: str, start: int, end: int | None = None, quoted: bool = False) -> list[int]:
    """Offsets in ``source`` (searched forward from ``start``) of each character of ``value``.

    Used at parse time to place a parsed value (a YAML scalar, a Markdown text run) in the text it came from.
    Characters are matched in order; markup the parser removed (escapes, indentation, quotes) is skipped.
    A character the parser produced without a source twin (an entity decoded to '&', a folded line break, any
    whitespace that is not at the current position) maps to the current source position without consuming
    anything. In a YAML double-quoted scalar (``quoted``), an escaped backslash and an escape by code point
    (`\\U0001F600`) are consumed whole by the character they write.
    """
    limit = len(source) if end is None else min(end, len(source))
    if start + len(value) <= limit and source.startswith(value, start):
        return list(range(start, start + len(value)))  # the common case: the run stands in the file as it is
    offsets: list[int] = []
    pos = start
    find = source.find
    for char in value:
        escape = _escape(source, pos, limit, char) if quoted else 0
        if escape:
            offsets.append(pos)
            pos += escape
            continue
        if pos < limit and source[pos] == char:
            offsets.append(pos)
            pos += 1
            continue
        if char.isspace():
            # Whitespace the parser made (a folded line, an escaped `\n`): searching for it would skip to the
            # next real line break and past the characters that follow it.
            offsets.append(min(pos, max(limit - 1, start)))
            continue
        # Look a short way ahead: markup removed by the parser is short (an escape, a quote, indentation,
        # an entity, a blockquote marker). A long jump would more likely land on an unrelated character.
        found = find(char, pos, min(limit, pos + _LOOKAHEAD))
        if found != -1:
            offsets.append(found)
            pos = found + 1
        else:
            offsets.append(min(pos, max(limit - 1, start)))
    return offsets
