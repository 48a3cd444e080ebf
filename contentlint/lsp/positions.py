"""contentlint counts columns in characters (code points); LSP counts code units of the position encoding the
client and server agreed on: UTF-16 unless both said otherwise (Neovim prefers UTF-8). One converts the other.

In UTF-16 a character outside the Basic Multilingual Plane (most emoji, rare CJK ideographs) is one column for
contentlint and two units for LSP; in UTF-8 a Japanese or Chinese character is three units.
"""

from __future__ import annotations

import re

from lsprotocol import types

_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # the breaks LSP counts, as contentlint's decoder normalises them
BOM = "\ufeff"
UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def units(text: str, encoding: str = UTF16) -> int:
    """Code units of ``text`` in an LSP position encoding."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


class LineIndex:
    """The lines of one document's text, to turn contentlint's 1-based line:column (code points) into LSP
    positions."""

    __slots__ = ("bom", "encoding", "lines")

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.lines: list[str] = _LINE_BREAK.split(text)
        # contentlint's decoder drops a BOM and never counts it; an editor that keeps it counts it.
        self.bom = text.startswith(BOM)
        self.encoding = encoding

    def position(self, line: int, column: int) -> types.Position:
        """LSP position of contentlint's 1-based ``line``:``column``; past the end of a line means its end."""
        index = min(max(line - 1, 0), len(self.lines) - 1)
        chars = max(column - 1, 0) + (1 if self.bom and index == 0 else 0)
        return types.Position(line=index, character=units(self.lines[index][:chars], self.encoding))

    def line_end(self, line: int) -> types.Position:
        """LSP position at the end of contentlint's 1-based ``line``."""
        index = min(max(line - 1, 0), len(self.lines) - 1)
        return types.Position(line=index, character=units(self.lines[index], self.encoding))

    def line_text(self, index: int) -> str:
        """The text of 0-based line ``index`` ("" past the end)."""
        return self.lines[index] if 0 <= index < len(self.lines) else ""
