from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.lookups import load_lookups

from contentlint.rewrite.names import english_forms


def test_english_forms_are_the_tables_lemmas_and_the_stop_words() -> None:
    spacys = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")
    assert english_forms() == {str(v) for v in spacys.values()} | set(STOP_WORDS)
    assert "buy" in english_forms() and "then" in english_forms()
