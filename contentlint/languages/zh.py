"""Chinese: Han without kana; segmented by SEGMENTER (see bench/zh_segmenter.py for the measurement behind it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from contentlint.i18n import N_
from contentlint.languages.base import Language, TextCounts
from contentlint.languages.ja import CJK_SHARE

if TYPE_CHECKING:
    from spacy.language import Language as Pipeline

SEGMENTER = "char"


def _claims(counts: TextCounts) -> bool:
    return counts.han > 0 and counts.has_share(counts.cjk, CJK_SHARE)  # asked after Japanese: no kana here


def _blank(segmenter: str | None = None) -> Pipeline:
    from contentlint.nlp.lean_spacy import import_spacy

    spacy = import_spacy()

    from contentlint.nlp import components

    nlp: Pipeline = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": segmenter or SEGMENTER}}})
    nlp.add_pipe(components.FORM_LEMMAS)
    return nlp


LANGUAGE = Language(code="zh", name=N_("Chinese"), claims=_claims, blank=_blank, unspaced=True, list_separator="、")
