"""Whether a claim has its source nearby.

"Nearby" is measured in paragraphs, the units a reader sees together: a source cue (according to, source:,
※, 出典, 来源 ...) counts when it stands in the claim's own paragraph or in the paragraph right after it (a
headline followed by its first paragraph, a claim followed by its note). A claim marked with a footnote
(※, *, †, a superscript digit, [1] or [^1] after it in its sentence) points the reader elsewhere in the post, so any
source cue in the post counts; the mark may stand anywhere between the claim and the end of its sentence
("the leading platform for teams[1]."), since tokenizers glue a mark to the word before it. Paragraphs are the text
between blank lines of the analysed text; the front matter's title is a paragraph of its own.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from contentlint.nlp.pipeline import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")
_FOOTNOTE = re.compile(r"[※*†‡¹²³⁴⁵⁶⁷⁸⁹⁰]|\[\^?\w{1,8}\]|\(\d{1,3}\)|（\d{1,3}）")
_SENTENCE_END = re.compile(r"[.!?。！？\n]")


def paragraph_starts(text: str) -> list[int]:
    """Start offsets of the paragraphs of ``text`` (the first is 0)."""
    return [0, *(m.end() for m in _BLANK_LINE.finditer(text))]


class SourceNearby:
    """Drops claims that have a source cue nearby (see the module docstring for what nearby means)."""

    def __init__(self, find_sources: Callable[[Doc], Sequence[Any]]) -> None:
        self.find_sources = find_sources

    def unsupported(self, doc: Doc, claims: Sequence[Span]) -> list[Span]:
        if not claims:
            return []
        sources = [s.start_char for s in self.find_sources(doc)]
        if not sources:
            return list(claims)
        text = doc_text(doc)
        starts = paragraph_starts(text)
        source_paragraphs = {bisect_right(starts, offset) for offset in sources}
        kept = []
        for claim in claims:
            paragraph = bisect_right(starts, claim.start_char)
            if paragraph in source_paragraphs or paragraph + 1 in source_paragraphs:
                continue
            end = _SENTENCE_END.search(text, claim.end_char)
            if _FOOTNOTE.search(text, claim.end_char, end.start() if end else len(text)):
                continue
            kept.append(claim)
        return kept
