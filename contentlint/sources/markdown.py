"""Markdown body -> prose projection with offsets into the file.

markdown-it-py parses the body (CommonMark + tables). Block tokens carry line maps; inline text runs are
placed in the source with a forward-only cursor (``align``), so each character of prose keeps its true
offset. Code blocks, inline code, raw HTML, images, link targets and bare URLs never reach the projection;
link text does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING

from contentlint.sourcemap import ProjectionBuilder, SourceFile, align, located

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

URL = re.compile(r"(?:https?://|www\.|mailto:)[^\s\x00-\x1f\x7f<>()\[\]{}\"'、。「」（）]+", re.IGNORECASE)
# Code blocks, HTML blocks and rules (`fence`, `code_block`, `html_block`, `hr`) have no inline children and
# break no prose: nothing of them reaches the projection.
_BLOCK_BREAKS = {
    "paragraph_close",
    "heading_close",
    "list_item_close",
    "blockquote_close",
    "tr_close",
    "th_close",
    "td_close",
}


# markdown-it stops parsing (silently: the rest of the body is dropped) at `maxNesting` open tags, 20 by default,
# which ten levels of nested lists or twenty quotes reach. 200 tags is ~100 levels; past that the post is refused
# by name rather than half-read. Its block parser is iterative per level, so this depth costs no recursion limit.
MAX_NESTING = 200


class TooDeep(ValueError):
    """The Markdown nests past MAX_NESTING; ``line`` (0-based, in the body) is where the limit was reached."""

    def __init__(self, line: int) -> None:
        super().__init__(f"Markdown nested deeper than {MAX_NESTING // 2} levels of lists and quotes")
        self.line = line


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table")


def project_markdown(body: str, builder: ProjectionBuilder, locate: Callable[[int], int]) -> None:
    """Append the prose of the Markdown ``body`` to ``builder``.

    ``locate`` turns an offset in ``body`` into an offset in the file (``body`` may be a slice of the file,
    or a YAML scalar whose characters sit at scattered places in it).
    """
    tokens = _parser().parse(body)
    deepest = max(tokens, key=attrgetter("level"), default=None)
    if deepest is not None and deepest.level >= MAX_NESTING - 1:
        raise TooDeep(deepest.map[0] if deepest.map else 0)
    # Line offsets of the body, to turn token line maps into offsets.
    line_offset = SourceFile("", body).line_offset
    cursor = 0
    item_starts: list[int] = []
    for token in tokens:
        kind = token.type
        if kind == "inline":
            if token.map:
                cursor = max(cursor, line_offset(token.map[0]))
            cursor = _project_inline(token.children or [], body, cursor, locate, builder)
            continue
        if kind == "list_item_open":
            item_starts.append(len(builder))
            continue
        if kind == "list_item_close" and item_starts:
            start = item_starts.pop()
            if len(builder) > start:
                builder.list_items.append((start, len(builder)))
        if kind in _BLOCK_BREAKS and len(builder) and not builder.ends_with_newline():
            builder.add_at("\n", locate(max(cursor - 1, 0)))


def _project_inline(
    children: list[Token], body: str, cursor: int, locate: Callable[[int], int], builder: ProjectionBuilder
) -> int:
    skip_link_text = 0
    for child in children:
        kind = child.type
        if kind == "text":
            if skip_link_text:
                cursor = _skip_over(child.content, body, cursor)
                continue
            offsets = align(child.content, body, cursor)
            _add_prose(child.content, offsets, locate, builder)
            if offsets:
                cursor = offsets[-1] + 1
        elif kind in ("softbreak", "hardbreak"):
            newline = body.find("\n", cursor)
            at = newline if newline != -1 else cursor
            builder.add_at("\n", locate(at))
            cursor = at + 1 if newline != -1 else cursor
        elif kind == "code_inline" or kind == "html_inline":
            cursor = _skip_over(child.content, body, cursor)
        elif kind == "image":
            # Alt text and the image source are not prose; step over the whole `![..](..)`.
            cursor = _close_link(body, _skip_over(child.content, body, cursor))
        elif kind == "link_open":
            # Autolinks (<https://...>) show their URL as the text: it is a URL, not prose.
            skip_link_text += child.markup == "autolink"
        elif kind == "link_close":
            if skip_link_text:
                skip_link_text -= 1
                close = body.find(">", cursor)
                cursor = close + 1 if close != -1 else cursor
            else:
                cursor = _close_link(body, cursor)
    return cursor


def _add_prose(text: str, offsets: Sequence[int], locate: Callable[[int], int], builder: ProjectionBuilder) -> None:
    """Add a text run, leaving out bare URLs (they are not prose)."""
    if not _may_hold_url(text):
        if text:
            builder.add(text, located(locate, offsets))
        return
    last = 0
    for match in URL.finditer(text):
        if match.start() > last:
            builder.add(text[last : match.start()], located(locate, offsets[last : match.start()]))
        last = match.end()
    if last < len(text):
        builder.add(text[last:], located(locate, offsets[last:]))


def _may_hold_url(text: str) -> bool:
    """Whether ``URL`` may find something in ``text``: each of its matches holds a `:` (`http://`, `mailto:`)
    or a `w.` or `W.` (`www.`; no other character is a `w` to IGNORECASE). Most prose holds none of them, and
    these three searches cost less than the pattern's."""
    return ":" in text or "w." in text or "W." in text


def _skip_over(content: str, body: str, cursor: int) -> int:
    found = body.find(content, cursor) if content else -1
    return found + len(content) if found != -1 else cursor


def _close_link(body: str, cursor: int) -> int:
    """Move past the `]` that ends link text (after any closing emphasis) and the target after it."""
    close = body.find("]", cursor)
    return _skip_destination(body, close) if close != -1 else cursor


def _skip_destination(body: str, cursor: int) -> int:
    """Move past the `](target "title")`, `][ref]` or `]` that closes a link or image."""
    if body.startswith("](", cursor):
        depth, pos = 0, cursor + 2
        while pos < len(body):
            char = body[pos]
            if char == "\\":
                pos += 2
                continue
            if char == "(":
                depth += 1
            elif char == ")":
                if depth == 0:
                    return pos + 1
                depth -= 1
            pos += 1
        return cursor
    if body.startswith("][", cursor):
        close = body.find("]", cursor + 2)
        return close + 1 if close != -1 else cursor
    if body.startswith("]", cursor):
        return cursor + 1
    return cursor
