"""Cue lexicons from the rule packs, matched per language (the classifier's evidence)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from contentlint.rules.kinds import UNSPACED, SurfaceMatcher, phrase_matcher, spans

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
    """Finds every cue set's phrases in a Doc (lemmas; in Japanese also the normalised surface text)."""

    def __init__(self, nlp: Language, lang: str, cues: Mapping[str, Mapping[str, Sequence[str]]]) -> None:
        self._sets: list[tuple[str, Any, SurfaceMatcher | None]] = []
        for cue_set in sorted(cues):
            phrases = list(cues[cue_set].get(lang, ()))
            if not phrases:
                continue
            surface = SurfaceMatcher(phrases) if lang in UNSPACED else None
            self._sets.append((cue_set, phrase_matcher(nlp, "LEMMA", cue_set, phrases), surface))

    def __call__(self, doc: Doc) -> dict[str, list[CueMatch]]:
        found: dict[str, list[CueMatch]] = {}
        for cue_set, matcher, surface in self._sets:
            extra = surface(doc) if surface else ()
            found[cue_set] = [CueMatch(cue_set, span.text, span.start_char, span.end_char)
                              for span in spans(doc, matcher(doc), extra)]
        return found
