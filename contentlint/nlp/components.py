"""Our spaCy components. Importing this module imports spaCy: only the pipeline loader does that."""

from __future__ import annotations

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from contentlint.nlp.lemmatable import english_lemmas

LEMMAS = "contentlint_en_lemmas"


class LowercaseLookupLemmatizer:
    """English lemmas from spacy-lookups-data's table, looked up by the lower-cased form.

    spaCy's own lookup mode matches the exact text, so "Buying" at the start of a sentence would keep its
    form; the table is keyed by lower-case word forms (read as a plain dict, `english_lemmas`).
    """

    def __init__(self) -> None:
        self.table = english_lemmas()
        self._lemmas: dict[int, int] = {}  # lower-cased form -> lemma, as string hashes

    def __call__(self, doc: Doc) -> Doc:
        # By word form, not by token: a post's thousands of tokens are a few hundred forms, and the lemmas go in
        # with one `from_array` (the same hashes `token.lemma_ = ...` would store).
        if not len(doc):
            return doc
        forms, where = numpy.unique(doc.to_array("LOWER"), return_inverse=True)
        known, lemma_of = self._lemmas, self._lemma_of
        lemmas = numpy.array([known.get(form) or lemma_of(form, doc) for form in forms.tolist()], dtype="uint64")
        doc.from_array(["LEMMA"], lemmas[where].reshape(-1, 1))  # type: ignore[arg-type]  # Ints2d is an ndarray
        return doc

    def _lemma_of(self, form: int, doc: Doc) -> int:
        """The hash of the lemma of the lower-cased form ``form`` (a hash), kept for the next post."""
        strings = doc.vocab.strings
        lower = strings[form]
        lemma: int = strings.add(self.table.get(lower, lower))
        self._lemmas[form] = lemma
        return lemma


@Language.factory(LEMMAS)
def make_lemmatizer(nlp: Language, name: str) -> LowercaseLookupLemmatizer:
    return LowercaseLookupLemmatizer()


FORM_LEMMAS = "contentlint_form_lemmas"


class FormLemmatizer:
    """Chinese has no inflection: a token's lemma is its NFKC-normalised, lower-cased form, so that full-width
    and half-width characters (１００％ and 100%) and Latin brand names in any case match the same cues."""

    def __call__(self, doc: Doc) -> Doc:
        import unicodedata

        for token in doc:
            token.lemma_ = unicodedata.normalize("NFKC", token.text).lower()
        return doc


@Language.factory(FORM_LEMMAS)
def make_form_lemmatizer(nlp: Language, name: str) -> FormLemmatizer:
    return FormLemmatizer()
