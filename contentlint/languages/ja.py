"""Japanese: kana mark it; tokenised by SudachiPy in split mode A (shortest units), so that a cue phrase and the
same words inside a longer compound split the same way as often as possible."""

from __future__ import annotations

from typing import TYPE_CHECKING

from contentlint.i18n import N_
from contentlint.languages.base import Language, TextCounts

if TYPE_CHECKING:
    from spacy.language import Language as Pipeline

CJK_SHARE = 0.3  # CJK has to make up a real share of the letters: an English post quoting one word stays English


def _claims(counts: TextCounts) -> bool:
    return counts.kana > 0 and counts.has_share(counts.cjk, CJK_SHARE)


def _blank(segmenter: str | None = None) -> Pipeline:
    from contentlint.nlp.lean_spacy import import_spacy

    spacy = import_spacy()

    nlp: Pipeline = spacy.blank("ja", config={"nlp": {"tokenizer": {"split_mode": "A"}}})
    return nlp


def _tune(nlp: Pipeline) -> Pipeline:
    from contentlint.nlp.japanese import speed_up

    return speed_up(nlp)


LANGUAGE = Language(
    code="ja", name=N_("Japanese"), claims=_claims, blank=_blank, unspaced=True, list_separator="、", tune=_tune
)
