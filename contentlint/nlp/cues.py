"""Cue lexicons from the rule packs, matched per language (the classifier's evidence)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from contentlint.nlp.phrases import PhraseFinder

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
        # The same finder as the phrases rules: lemmas, and in Japanese and Chinese the surface text too.
        self._sets = [
            (cue_set, PhraseFinder(nlp, lang, list(cues[cue_set].get(lang, ()))))
            for cue_set in sorted(cues)
            if cues[cue_set].get(lang)
        ]

    def __call__(self, doc: Doc) -> dict[str, list[CueMatch]]:
        return {
            cue_set: [CueMatch(cue_set, span.text, span.start_char, span.end_char) for span in find(doc)]
            for cue_set, find in self._sets
        }
