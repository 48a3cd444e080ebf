"""What a person reads as the interface of a page: its visible text outside post content, for the tests that
check that a Japanese or Chinese page has no English interface word left.

Post content (titles, text, quoted phrases, rewrites) and identifiers (paths, rule ids, channel codes, calendar
names) carry `translate="no"`; finding messages (class `msg`) follow the post's language, not the interface's.
The language switcher names each language in its own. SVG tooltips (<title>) mix dates, channels and post
titles and are left out. Everything else is interface text, and is checked, except `code` in backticks (an
option or value as the user types it).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from babel.messages.pofile import read_po

from tests.helpers import REPO

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# names, formats and acronyms that stay as they are in every language
NAMES = {"contentlint", "markdown", "yaml", "csv", "excel", "office", "mb", "linkedin", "kpi", "url"}
BRANDS = {"LINE"}  # written in capitals; `line` itself is an interface word
_PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\w+\}|<[^>]+>")
WORD = re.compile(
    r"(?<![A-Za-z])[A-Za-z]{2,}(?![A-Za-z.\d])"
)  # not the "No" of "No.1" (a claim quoted in a rule's text)


def english_words() -> set[str]:
    """Every word of two or more ASCII letters in the English messages of the catalogue (lowercased)."""
    with open(REPO / "contentlint/locale/ja/LC_MESSAGES/contentlint.po", "rb") as handle:
        catalog = read_po(handle)
    words: set[str] = set()
    for message in catalog:
        for text in message.id if isinstance(message.id, (list, tuple)) else [message.id]:
            words.update(w.lower() for w in WORD.findall(_PLACEHOLDER.sub(" ", text or "")))
    return words - NAMES


class InterfaceText(HTMLParser):
    """Text nodes and visible attributes (placeholder, aria-label, title) that are interface text."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.pieces: list[str] = []
        self.page_lang: str | None = None

    def _skipped(self) -> bool:
        return any(skipped for _, skipped in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.page_lang = values.get("lang")
        classes = (values.get("class") or "").split()
        in_svg = any(t == "svg" for t, _ in self.stack)
        skipped = (
            self._skipped()
            or tag in ("style", "script")
            or values.get("translate") == "no"
            or "langs" in classes
            or "msg" in classes
            or (in_svg and tag == "title")
        )
        if not skipped:
            self.pieces += [v for k, v in values.items() if k in ("placeholder", "aria-label", "title") and v]
        if tag not in VOID:
            self.stack.append((tag, skipped))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self._skipped() and data.strip():
            self.pieces.append(data)


def interface_text(page: str, expected_lang: str) -> str:
    parser = InterfaceText()
    parser.feed(page)
    assert parser.page_lang == expected_lang
    return " ".join(parser.pieces)


def english_left(page: str, expected_lang: str) -> list[str]:
    """The English interface words left in ``page`` (which must say it is in ``expected_lang``)."""
    vocabulary = english_words()
    text = re.sub(r"`[^`]*`", " ", interface_text(page, expected_lang))  # `code` (options, values) stays as typed
    return sorted({w for w in WORD.findall(text) if w.lower() in vocabulary and w not in BRANDS})
