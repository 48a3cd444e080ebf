"""Build and cache one spaCy pipeline per language, offline.

English: ``spacy.blank("en")`` plus a lemmatizer backed by the lookup table of spacy-lookups-data.
Japanese: ``spacy.blank("ja")``, tokenised by SudachiPy in split mode A (shortest units), so that a cue
phrase and the same words inside a longer compound split the same way and PhraseMatcher finds both.
spaCy is imported inside these functions so that commands which never analyse a post never pay for it.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Iterator

from contentlint.lang import SUPPORTED

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

BATCH_SIZE = 64


def has_pipeline(lang: str) -> bool:
    return lang in SUPPORTED


@lru_cache(maxsize=None)
def load(lang: str) -> Language:
    """The pipeline for ``lang`` (one per process)."""
    import spacy

    if lang == "en":
        nlp = spacy.blank("en")
        _add_english_lemmas(nlp)
        return nlp
    if lang == "ja":
        return spacy.blank("ja", config={"nlp": {"tokenizer": {"split_mode": "A"}}})
    raise KeyError(lang)


def _add_english_lemmas(nlp: Language) -> None:
    from spacy.language import Language as SpacyLanguage
    from spacy.lookups import load_lookups

    table = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")
    # The lookup table is keyed by lower-case word forms; spaCy's own lookup mode matches the exact text, so
    # "Buying" at the start of a sentence would keep its form. We look up the lower-cased form instead.
    name = "contentlint_en_lemmas"
    if name not in SpacyLanguage.factories:
        @SpacyLanguage.component(name)
        def _lemmatize(doc: Doc) -> Doc:
            get = table.get
            for token in doc:
                lower = token.lower_
                token.lemma_ = get(lower, lower)
            return doc
    nlp.add_pipe(name)


def make_docs(lang: str, texts: Iterable[str]) -> Iterator[Doc]:
    """Docs for ``texts`` in order, batched through ``nlp.pipe``."""
    return load(lang).pipe(texts, batch_size=BATCH_SIZE)
