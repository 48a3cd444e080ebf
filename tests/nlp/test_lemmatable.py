from __future__ import annotations

from spacy.lookups import load_lookups
from spacy.strings import get_string_id

from contentlint.nlp.lemmatable import english_lemmas


def test_the_plain_table_holds_what_spacys_table_holds() -> None:
    spacys = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")
    ours = english_lemmas()
    assert len(ours) == len(spacys) > 40_000
    assert all(spacys[get_string_id(form)] == lemma for form, lemma in ours.items())
    assert ours["buying"] == "buy" and english_lemmas() is ours  # read once per process
