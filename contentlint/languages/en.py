"""English: the language of any text no other language claims (unless it reads as a language we do not support)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from contentlint.i18n import N_
from contentlint.languages.base import Language, TextCounts

if TYPE_CHECKING:
    from spacy.language import Language as Pipeline

# The commonest English function words: a text in another Latin-script language has few of them.
_FUNCTION_WORDS = """
the a an and or but of to in on at for with from by as is are was were be been it its this that these those you
your we our they their he she his her not no do does did have has had will would can could should how what why
when which who if than then there here about into out up more most all any some one just so also
"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())


def _claims(counts: TextCounts) -> bool:
    return False  # English is the default: detection falls back to it


def _blank(segmenter: str | None = None) -> Pipeline:
    """spaCy's blank English plus a lemmatizer backed by the lookup table of spacy-lookups-data."""
    from contentlint.nlp.lean_spacy import import_spacy

    spacy = import_spacy()

    from contentlint.nlp import components

    nlp: Pipeline = spacy.blank("en")
    nlp.add_pipe(components.LEMMAS)
    return nlp


LANGUAGE = Language(code="en", name=N_("English"), claims=_claims, blank=_blank)
