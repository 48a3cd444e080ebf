"""User text made safe to print: control characters and bidirectional overrides shown as escapes.

A title holding ``ESC [2J`` would clear the terminal of whoever reads the text report, ``BEL``/``ESC ]`` can set
a terminal's title, U+202E reverses the order in which the rest of a line is displayed (the "Trojan Source"
trick), and XML 1.0 cannot hold most C0 controls at all (a JUnit report containing one is not XML). Every
reporter that writes user text as characters passes it through :func:`visible`; JSON and SARIF escape these
characters by their own rules.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates, BOM/noncharacters, and
# lone surrogates (a file name that is not UTF-8 arrives as one; it cannot be written as UTF-8 at all)
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a non-UTF-8 file name, as Python decodes it: show the byte
        code -= 0xDC00
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def json_text(document: object) -> str:
    """A JSON document as UTF-8-safe text: sorted keys, readable non-ASCII, lone surrogates as `\\udcff` escapes."""
    import json

    text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def visible(text: str) -> str:
    """``text`` with every hidden or terminal-controlling character written as ``\\xNN`` / ``\\uNNNN``."""
    return _HIDDEN.sub(_escape, text) if _HIDDEN.search(text) else text


_BREAKS = re.compile("[\n\r\u2028\u2029]")


def one_line(text: str) -> str:
    """``visible(text)`` with line breaks written as ``\\n`` / ``\\r`` / ``\\u2028``: a title, message or file
    name holding a newline could otherwise print a second, forged `path:line:col: error ...` line."""
    text = visible(text)
    return _BREAKS.sub(lambda m: {"\n": "\\n", "\r": "\\r"}.get(m.group(), f"\\u{ord(m.group()):04x}"), text)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#<>&])")
_MD_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def markdown_escape(value: object) -> str:
    """Text safe inside Markdown (a table cell, a SARIF help text): no markup, no HTML, one line."""
    text = " ".join(visible(str(value)).split())
    return _MD_SPECIAL.sub(lambda m: _MD_ENTITIES.get(m.group(1), "\\" + m.group(1)), text)


def code_escape(value: object) -> str:
    """Text safe inside a Markdown code span: no backticks, no line breaks."""
    return " ".join(visible(str(value)).split()).replace("`", "'")
