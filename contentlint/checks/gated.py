"""spaCy's Matcher, run only with the patterns that can match a given Doc.

The Matcher starts every pattern at every token, so its cost grows with tokens x patterns, and a rule's patterns
(its WORD and BREAK forms expanded) number in the dozens while a post holds the words of few of them. A pattern's
anchors are its elements that must match at least once (no OP, or OP "+") and compare a text attribute with
literals (``{LEMMA: 急ぐ}``, ``{LOWER: {IN: [now, today]}}``): a pattern cannot match a Doc that lacks a word of
any one of its anchors (words are compared as string ids, as spaCy stores them). So each Doc is matched by a
Matcher holding only the patterns whose every anchor it has (built once per such set of patterns and kept), and
patterns without anchors are always in it. That Matcher walks only the tokens near an anchor (``_windows``). The
matches are those of one Matcher holding every pattern.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from itertools import count
from typing import TYPE_CHECKING, Any

import numpy  # imported with spaCy, which every caller has loaded

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

# Pattern attributes compared with a token's text forms, and the token attribute each reads.
TEXT_ATTRS = {"ORTH": "orth_", "TEXT": "orth_", "LOWER": "lower_", "LEMMA": "lemma_", "NORM": "norm_"}
REQUIRED_OPS = (None, "+", "1")

Anchor = tuple[str, frozenset[str]]
MATCHERS_KEPT = 256  # Matchers for distinct sets of patterns, per rule and language
WHOLE_DOC_SHARE = 0.5  # when the windows cover more of a Doc than this, it is matched whole, in one call
_QUANTIFIER = re.compile(r"\{(\d*)(?:,(\d*))?\}")
_serials = count()  # tells matchers apart in a Doc's user_data (an id() can be reused once a matcher is gone)


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


def anchored(doc: Doc, attr: str, words: Any, owner: int) -> dict[int, list[int]]:
    """Where each of ``words`` (string ids, a sorted numpy array) that the Doc holds stands in its column of one text
    attribute (``lower_``, ...): token indexes in order, by word; words the Doc lacks are not keys. Made once per
    Doc for each matcher (``owner``) with one vectorised test of the column: a post holds few of a rule's anchor
    words, and indexing every word of it (as this did before) cost more than the matching itself."""
    key = f"contentlint.anchored.{attr}.{owner}"
    found: dict[int, list[int]] | None = doc.user_data.get(key)
    if found is None:
        column = _column(doc, attr)
        at = numpy.searchsorted(words, column)  # ``words`` is sorted; where each token's word would stand in it
        at[at == len(words)] = 0
        hits = numpy.flatnonzero(words[at] == column)
        found = {}
        for index, word in zip(hits.tolist(), column[hits].tolist(), strict=True):
            found.setdefault(word, []).append(index)
        doc.user_data[key] = found
    return found


def _column(doc: Doc, attr: str) -> Any:
    """The string id of one text attribute of every token, as one array made once per Doc and shared by every
    rule (read as one array: iterating the Doc would make a Python Token per token)."""
    key = f"contentlint.column.{attr}"
    if key not in doc.user_data:
        from spacy import attrs

        doc.user_data[key] = doc.to_array(getattr(attrs, attr.rstrip("_").upper()))
    return doc.user_data[key]


def longest(pattern: Sequence[Mapping[str, Any]]) -> int | None:
    """The most tokens a match of ``pattern`` can cover; None when an element may repeat without bound."""
    total = 0
    for element in pattern:
        op = element.get("OP")
        if op in (None, "1", "!", "?"):
            total += 1
        elif isinstance(op, str) and (bound := _QUANTIFIER.fullmatch(op)) is not None and bound.group(2) != "":
            total += int(bound.group(2) if bound.group(2) is not None else bound.group(1))
        else:  # "+", "*", "{n,}": unbounded
            return None
    return total


class GatedMatcher:
    """Callable like ``Matcher``: (match_id, start, end) of ``keyed`` patterns in a Doc. The patterns must have
    been validated (the caller adds them to a validating Matcher first, so that its errors name each pattern's
    place in the rule)."""

    def __init__(self, vocab: Vocab, keyed: Mapping[str, list[list[dict[str, Any]]]]) -> None:
        self.vocab = vocab
        strings = vocab.strings
        self.patterns = [
            (
                key,
                pattern,
                tuple((attr, frozenset(strings[word] for word in words)) for attr, words in anchors(pattern)),
            )
            for key, patterns in keyed.items()
            for pattern in patterns
        ]
        self.lengths = [longest(pattern) for _key, pattern, _needs in self.patterns]
        words: dict[str, set[int]] = {}
        for _key, _pattern, needs in self.patterns:
            for attr, ids in needs:
                words.setdefault(attr, set()).update(ids)
        self.words = {attr: numpy.array(sorted(ids), dtype="uint64") for attr, ids in words.items()}
        self.serial = next(_serials)
        self.every = tuple(range(len(self.patterns)))
        self._matchers: OrderedDict[tuple[int, ...], Any] = OrderedDict()

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The matches, sorted, each once."""
        index = self.index(doc)
        possible = tuple(
            i
            for i, (_key, _pattern, needs) in enumerate(self.patterns)
            if all(not ids.isdisjoint(index[attr]) for attr, ids in needs)
        )
        if not possible:
            return []
        windows = self._windows(possible, index, len(doc))
        if windows is None:
            return sorted(set(self._matcher(possible)(doc)))
        # Windows are short: one Matcher of every pattern, built once, costs less there than building one for
        # this set of patterns (patterns that cannot match this Doc find nothing in it).
        matcher = self._matcher(self.every)
        return sorted(
            {
                (key, start + offset, end + offset)
                for offset, stop in windows
                for key, start, end in matcher(doc[offset:stop])
            }
        )

    def index(self, doc: Doc) -> dict[str, dict[int, list[int]]]:
        """Where the anchor words of these patterns stand in ``doc``, by token attribute (`anchored`)."""
        return {attr: anchored(doc, attr, words, self.serial) for attr, words in self.words.items()}

    def _windows(
        self, possible: tuple[int, ...], index: Mapping[str, Mapping[int, list[int]]], size: int
    ) -> list[tuple[int, int]] | None:
        """Token ranges that hold every match of the ``possible`` patterns, or None to match the whole Doc.

        A match holds a token of each of its pattern's anchors, and covers at most ``longest`` tokens: so it lies
        within that many tokens on either side of each place where the pattern's rarest anchor occurs. The
        Matcher's cost grows with the tokens it walks, and most of a post is far from any anchor word.
        """
        spans: list[tuple[int, int]] = []
        for i in possible:
            needs, most = self.patterns[i][2], self.lengths[i]
            if not needs or most is None:
                return None
            places = min(
                (
                    [p for word in ids for p in index[attr].get(word, ())]  # any order: the spans are sorted
                    for attr, ids in needs
                ),
                key=len,
            )
            spans.extend((max(0, p - most + 1), min(size, p + most)) for p in places)
        merged: list[tuple[int, int]] = []
        for start, stop in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], stop))
            else:
                merged.append((start, stop))
        covered = sum(stop - start for start, stop in merged)
        return None if covered > WHOLE_DOC_SHARE * size else merged

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
