"""spaCy's rule-based tokenizer (English) with its chunk cache kept filling, without changing a single token.

The tokenizer splits a text at whitespace into chunks and keeps how it split each one, so a chunk seen before costs
one lookup instead of the prefix, suffix and infix searches. But within one text it stops storing chunks once any
chunk held a special case ("it's", "don't", "e.g."): the flag that keeps a special case's tokens out of the cache
is set for the rest of the text and never reset (explosion/spaCy#13950, spaCy 3.8). In prose that happens within
the first lines, so nearly every chunk of every post was split again: tokenising was 60 times slower per word than
on text without special cases.

``ChunkCachedTokenizer`` hands the tokenizer each chunk it has not seen yet on its own first, which stores it (a
chunk's tokens do not depend on its neighbours: the cache itself relies on that), then the whole text, which now
finds them. It stops once it has seen as many chunks as the tokenizer keeps (``max_cache_size``): past that the
tokenizer stores nothing, and the extra calls would only cost. The Docs are identical
(tests/nlp/test_chunkcache.py). Importing this module imports nothing of spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


class ChunkCachedTokenizer:
    """Callable like spaCy's ``Tokenizer`` (text -> Doc), and reads as it for every other attribute."""

    def __init__(self, tokenizer: Any) -> None:  # spacy.tokenizer.Tokenizer (compiled, without type stubs)
        self.tokenizer = tokenizer
        self.seen: set[str] = set()

    def __call__(self, text: str) -> Doc:
        tokenizer, seen = self.tokenizer, self.seen
        if len(seen) < tokenizer.max_cache_size:
            new = set(text.split()).difference(seen)
            for chunk in new:
                tokenizer(chunk)
            seen.update(new)
        doc: Doc = tokenizer(text)
        return doc

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tokenizer, name)


def keep_caching(nlp: Language) -> Language:
    """``nlp`` with its rule-based tokenizer wrapped (any other tokenizer is left as it is)."""
    from spacy.tokenizer import Tokenizer  # type: ignore[import-not-found]  # compiled, without type stubs

    if type(nlp.tokenizer) is Tokenizer:
        nlp.tokenizer = ChunkCachedTokenizer(nlp.tokenizer)
    return nlp
