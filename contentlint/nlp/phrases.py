"""Phrase finding in a spaCy Doc: the cue lexicons' matcher and the phrase-based rule kinds share it.

Phrases go through the same pipeline as posts (so they carry the same lemmas) and are matched with spaCy's
PhraseMatcher; in languages written without spaces the normalised surface text is searched too.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from contentlint import languages
from contentlint.nlp.pipeline import doc_text

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

TOKEN_ATTRS = ("LEMMA", "LOWER", "ORTH", "NORM")


def phrase_matcher(nlp: Language, attr: str, key: str, phrases: Sequence[str]) -> Any:
    return keyed_phrase_matcher(nlp, attr, {key: phrases})


def keyed_phrase_matcher(nlp: Language, attr: str, phrases: Mapping[str, Sequence[str]]) -> Any:
    """One PhraseMatcher for several lists of phrases, each under its key: one pass over a Doc's tokens finds
    them all, as one matcher per list would."""
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(nlp.vocab, attr=attr)
    for key, listed in phrases.items():
        # Patterns go through the same pipeline as posts, so they carry the same lemmas.
        matcher.add(key, list(nlp.pipe(listed)))
    return matcher


def spans(doc: Doc, matches: list[tuple[int, int, int]], extra: Sequence[Any] = ()) -> list[Any]:
    from spacy.util import filter_spans

    # Overlapping cues ("buy now" inside "buy now and save") are reported once, as the longest span.
    found = [doc[start:end] for _key, start, end in matches]
    return sorted(filter_spans([*found, *extra]), key=lambda s: s.start)


class SurfaceMatcher:
    """Finds phrases in the NFKC-normalised text where both ends fall on token boundaries.

    The tokens between may differ from the phrase's own tokens (that is the point); a hit that starts or ends
    inside a token (オフ inside オフィス) is not the phrase.
    """

    def __init__(self, phrases: Sequence[str]) -> None:
        self.phrases = sorted({_fold(p) for p in phrases if _fold(p)}, key=len, reverse=True)
        # One pass of one pattern finds every place where a phrase starts, instead of a search of the whole text
        # per phrase. Its alternatives are tried longest first, so a match is the longest phrase standing there,
        # and the others standing there are the phrases it starts with.
        self._any = re.compile("|".join(map(re.escape, self.phrases))) if self.phrases else None
        self._starting = {p: [q for q in self.phrases if p.startswith(q)] for p in self.phrases}

    def __call__(self, doc: Doc) -> list[Any]:
        text = _folded(doc)
        if text is None:  # NFKC changed the length: offsets would not line up
            return []
        spans = []
        for phrase, start in self.places(text):
            span = doc.char_span(start, start + len(phrase))
            if span is not None:
                spans.append(span)
        return spans

    def places(self, text: str) -> list[tuple[str, int]]:
        """(phrase, offset) of every occurrence of every phrase in ``text``, overlapping ones too, phrase by
        phrase in the order of ``phrases`` and each from its first occurrence on."""
        if self._any is None:
            return []
        found: dict[str, list[int]] = {}
        search = self._any.search
        match = search(text)
        while match is not None:
            start = match.start()
            for phrase in self._starting[match.group()]:
                found.setdefault(phrase, []).append(start)
            match = search(text, start + 1)
        return [(phrase, start) for phrase in self.phrases for start in found.get(phrase, ())]


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def _fold_by_line(text: str) -> str:
    """`_fold` of a post's text, normalising only the lines that need it: a line break is a starter that composes
    with nothing, so NFKC never joins, reorders or changes characters across it, and a line that passes
    `is_normalized` (a quick check that stops at its first changed character) is its own NFKC. In Japanese posts
    most lines hold nothing NFKC changes (full-width `！（）：` and half-width kana are what it does)."""
    normal = unicodedata.is_normalized
    normalize = unicodedata.normalize
    lines = text.split("\n")
    return "\n".join(line if normal("NFKC", line) else normalize("NFKC", line) for line in lines).lower()


def _folded(doc: Doc) -> str | None:
    """The Doc's folded text, made once per Doc: the dozens of surface matchers per post would otherwise fold
    it again and again."""
    key = "contentlint.folded"
    if key not in doc.user_data:
        original = doc_text(doc)
        folded = _fold_by_line(original)
        doc.user_data[key] = folded if len(folded) == len(original) else None
    return doc.user_data[key]  # type: ignore[no-any-return]


class PhraseFinder:
    """Phrases of one language in a Doc: spaCy's PhraseMatcher on ``attr`` and, in Japanese and Chinese, the
    normalised surface text (SurfaceMatcher). A hit that overlaps one of the ``exclude`` phrases is dropped, so a
    short cue can be listed without firing inside ordinary words (最 but not 最近 or 最后).

    Built with ``own_matcher=False`` it has no PhraseMatcher of its own: its caller runs one shared by several
    finders (`keyed_phrase_matcher`) and gives each its token matches through `among`.
    """

    def __init__(
        self,
        nlp: Language,
        lang: str,
        phrases: Sequence[str],
        attr: str = "LEMMA",
        exclude: Sequence[str] = (),
        own_matcher: bool = True,
    ) -> None:
        self.matcher = phrase_matcher(nlp, attr, "cue", phrases) if phrases and own_matcher else None
        # Written without spaces, the tokenizer may split a phrase differently inside a longer compound or at a
        # phrase end (申し込み as one noun vs 申し/込み before ください), so token matching alone misses cues.
        profile = languages.find(lang)
        self.surface = SurfaceMatcher(phrases) if phrases and profile is not None and profile.unspaced else None
        self.exclude = PhraseFinder(nlp, lang, exclude, attr) if exclude else None

    def __call__(self, doc: Doc, extra: Sequence[Any] = ()) -> list[Any]:
        return self.among(doc, self.matcher(doc) if self.matcher else [], extra)

    def among(self, doc: Doc, matches: list[tuple[int, int, int]], extra: Sequence[Any] = ()) -> list[Any]:
        """The phrases in ``doc``, given the token ``matches`` of this finder's phrases."""
        found = spans(doc, matches, [*extra, *(self.surface(doc) if self.surface else ())])
        if self.exclude is None:
            return found
        blocked = self.exclude(doc)
        return [s for s in found if not any(s.start_char < b.end_char and b.start_char < s.end_char for b in blocked)]
