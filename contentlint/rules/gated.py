"""spaCy's Matcher, run only with the patterns that can match a given Doc.

The Matcher starts every pattern at every token, so its cost grows with tokens x patterns, and a rule's patterns
(its WORD and BREAK forms expanded) number in the dozens while a post holds the words of few of them. A pattern's
anchors are its elements that must match at least once (no OP, or OP "+") and compare a text attribute with
literals (``{LEMMA: 急ぐ}``, ``{LOWER: {IN: [now, today]}}``): a pattern cannot match a Doc that lacks a word of
any one of its anchors. So each Doc is matched by a Matcher holding only the patterns whose every anchor it has
(built once per such set of patterns and kept), and patterns without anchors are always in it. The matches are
those of one Matcher holding every pattern.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

# Pattern attributes compared with a token's text forms, and the token attribute each reads.
TEXT_ATTRS = {"ORTH": "orth_", "TEXT": "orth_", "LOWER": "lower_", "LEMMA": "lemma_", "NORM": "norm_"}
REQUIRED_OPS = (None, "+", "1")

Anchor = tuple[str, frozenset[str]]
MATCHERS_KEPT = 256  # Matchers for distinct sets of patterns, per rule and language


def anchors(pattern: Sequence[Mapping[str, Any]]) -> tuple[Anchor, ...]:
    """The pattern's required literal elements, as (token attribute, the words it accepts)."""
    found = []
    for element in pattern:
        if element.get("OP") not in REQUIRED_OPS:
            continue
        for key, value in element.items():
            if key not in TEXT_ATTRS:
                continue
            if isinstance(value, str):
                found.append((TEXT_ATTRS[key], frozenset([value])))
            elif (
                isinstance(value, Mapping)
                and set(value) == {"IN"}
                and isinstance(value["IN"], list)
                and value["IN"]
                and all(isinstance(v, str) for v in value["IN"])
            ):
                found.append((TEXT_ATTRS[key], frozenset(value["IN"])))
    return tuple(found)


def words_of(doc: Doc, attr: str) -> set[str]:
    """The Doc's distinct values of one text attribute, made once per Doc and shared by every rule."""
    key = f"contentlint.words.{attr}"
    if key not in doc.user_data:
        doc.user_data[key] = {getattr(token, attr) for token in doc}
    return doc.user_data[key]  # type: ignore[no-any-return]


class GatedMatcher:
    """Callable like ``Matcher``: (match_id, start, end) of ``keyed`` patterns in a Doc. The patterns must have
    been validated (the caller adds them to a validating Matcher first, so that its errors name each pattern's
    place in the rule)."""

    def __init__(self, vocab: Vocab, keyed: Mapping[str, list[list[dict[str, Any]]]]) -> None:
        self.vocab = vocab
        self.patterns = [(key, pattern, anchors(pattern)) for key, patterns in keyed.items() for pattern in patterns]
        self._matchers: OrderedDict[tuple[int, ...], Any] = OrderedDict()

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        possible = tuple(
            i
            for i, (_key, _pattern, needs) in enumerate(self.patterns)
            if all(not words.isdisjoint(words_of(doc, attr)) for attr, words in needs)
        )
        return self._matcher(possible)(doc) if possible else []

    def _matcher(self, possible: tuple[int, ...]) -> Any:
        matcher = self._matchers.get(possible)
        if matcher is None:
            from spacy.matcher import Matcher

            matcher = Matcher(self.vocab)
            for i in possible:
                key, pattern, _needs = self.patterns[i]
                matcher.add(key, [pattern])
            if len(self._matchers) >= MATCHERS_KEPT:
                self._matchers.popitem(last=False)
            self._matchers[possible] = matcher
        else:
            self._matchers.move_to_end(possible)
        return matcher
