"""Cue lexicons from the rule packs, matched per language (the classifier's evidence)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from contentlint.nlp.phrases import PhraseFinder, keyed_phrase_matcher
from contentlint.nlp.pipeline import doc_text

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class CueMatch:
    cue_set: str
    text: str
    start: int  # character offsets in the post's text
    end: int


class CueMatcher:
    """Finds every cue set's phrases in a Doc (lemmas; in Japanese and Chinese also the normalised surface text)."""

    def __init__(self, nlp: Language, lang: str, cues: Mapping[str, Mapping[str, Sequence[str]]]) -> None:
        listed = {cue_set: list(cues[cue_set].get(lang, ())) for cue_set in sorted(cues) if cues[cue_set].get(lang)}
        # One PhraseMatcher holds every set's phrases under the set's name: one pass over a Doc's tokens instead of
        # one per set. Each set's finder is the phrases rules' own (lemmas, and the surface text where unspaced).
        self._matcher = keyed_phrase_matcher(nlp, "LEMMA", listed) if listed else None
        self._sets = [
            (cue_set, nlp.vocab.strings.add(cue_set), PhraseFinder(nlp, lang, phrases, own_matcher=False))
            for cue_set, phrases in listed.items()
        ]

    def __call__(self, doc: Doc) -> dict[str, list[CueMatch]]:
        by_set: dict[int, list[tuple[int, int, int]]] = {}
        for match in self._matcher(doc) if self._matcher else ():
            by_set.setdefault(match[0], []).append(match)
        text = doc_text(doc)  # a span's own `.text` joins its tokens, a Python Token object each
        return {
            cue_set: [
                CueMatch(cue_set, text[span.start_char : span.end_char], span.start_char, span.end_char)
                for span in find.among(doc, by_set.get(key, []))
            ]
            for cue_set, key, find in self._sets
        }
