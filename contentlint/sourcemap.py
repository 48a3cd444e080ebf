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
        # `array.fromlist` copies a list at C speed; `extend` takes any iterable (a range) one item at a time.
        run = offsets if isinstance(offsets, list) else list(offsets)
        if len(run) != len(text):
            raise ValueError("projection text and offsets differ in length")
        self._offsets.fromlist(run)
        self._parts.append(text)

    def add_at(self, text: str, offset: int) -> None:
        """Add synthetic text (separators) that all maps to one file offset."""
        self._parts.append(text)
        self._offsets.fromlist([offset] * len(text))

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


def located(locate: Callable[[int], int], offsets: Sequence[int]) -> Sequence[int]:
    """``locate`` of each offset; a `Shift` adds its base to the run in one pass instead of a call each, and
    to a range (a run `align` found standing in the text as written) in one step."""
    if isinstance(locate, Shift):
        base = locate.base
        if isinstance(offsets, range):
            return range(offsets.start + base, offsets.stop + base, offsets.step)
        return [base + offset for offset in offsets]
    return [locate(offset) for offset in offsets]


def align(value: str, source: str, start: int, end: int | None = None, quoted: bool = False) -> Sequence[int]:
    """Offsets in ``source`` (searched forward from ``start``) of each character of ``value``.

    Used at parse time to place a parsed value (a YAML scalar, a Markdown text run) in the text it came from.
    Characters are matched in order; markup the parser removed (escapes, indentation, quotes) is skipped.
    A character the parser produced without a source twin (an entity decoded to '&', a folded line break, any
    whitespace that is not at the current position) maps to the current source position without consuming
    anything. In a YAML double-quoted scalar (``quoted``), an escaped backslash and an escape by code point
    (`\\U0001F600`) are consumed whole by the character they write.

    A value that stands whole in ``source`` (the usual case) is placed as a ``range``, else as a list.
    """
    limit = len(source) if end is None else min(end, len(source))
    size = len(value)
    if start + size <= limit and source.startswith(value, start):
        return range(start, start + size)  # the common case: the run stands in the file as it is
    first = value[:1]
    if first and not quoted and not first.isspace() and not source.startswith(first, start, limit):
        # A run after the markup that opened it (`**`, `[`, `- `): the loop below would find its first
        # character a short way ahead and take the rest as it stands there.
        found = source.find(first, start, min(limit, start + _LOOKAHEAD))
        if found != -1 and found + size <= limit and source.startswith(value, found):
            return range(found, found + size)
    offsets: list[int] = []
    pos = start
    find = source.find
    index = 0
    while index < size:
        char = value[index]
        if pos < limit and source[pos] == char and not (quoted and char == "\\"):
            # The characters that stand at the current position, taken a run at a time (the steps below
            # would take them one by one).
            run = _standing_run(value, index, source, pos, limit, quoted)
            offsets.extend(range(pos, pos + run))
            pos += run
            index += run
            continue
        index += 1
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


def _standing_run(value: str, index: int, source: str, pos: int, limit: int, quoted: bool) -> int:
    """How many characters of ``value`` from ``index`` stand in ``source`` from ``pos`` (before ``limit``).

    In a double-quoted scalar the run stops before a backslash, which may open an escape. Found by comparing
    chunks that double while they match and halve when they do not: a short run is one comparison, a long one
    a few, and a long YAML body with a break in each line costs no comparison of all the rest at every break."""
    most = min(len(value) - index, limit - pos)
    if quoted:
        backslash = value.find("\\", index, index + most)
        if backslash != -1:
            most = backslash - index
    length, step = 0, _LOOKAHEAD
    startswith = source.startswith
    while length < most:
        take = min(step, most - length)
        if startswith(value[index + length : index + length + take], pos + length):
            length += take
            step *= 2
        elif take == 1:
            break
        else:
            step = take // 2
    return length
