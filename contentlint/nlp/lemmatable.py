"""spacy-lookups-data's English lemma table, read once per process as a plain dict.

spaCy's own reader (``spacy.lookups.load_lookups``) builds a ``Table`` that re-keys the 41,000 entries by string
hash first, a tenth of a second, for lookups a plain dict does as well.
"""

from __future__ import annotations

from functools import cache


@cache
def english_lemmas() -> dict[str, str]:
    """Lower-cased word form -> lemma."""
    from spacy.util import load_language_data, registry

    table = load_language_data(registry.lookups.get("en")["lemma_lookup"])
    assert isinstance(table, dict)  # the lemma table is a mapping (spaCy's loader also reads lists)
    return table
