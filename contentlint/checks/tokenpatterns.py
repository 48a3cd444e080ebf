"""Token patterns as rule files write them, turned into spaCy Matcher patterns.

One addition to spaCy's pattern language: ``{WORD: [word, ...]}`` stands for any of the words, each as the run of
tokens the language's tokenizer makes of it. Chinese is tokenised one character per token, so "关注 … 抽奖" cannot
be written with one token per word; ``{WORD: [关注, 转发]}`` can. A pattern is expanded into one spaCy pattern per
combination of words (bounded by ``MAX_EXPANSIONS``). ``OP: "?"`` on a WORD element makes it optional.

A pattern may start with ``{BREAK: true}``: the cue opens a sentence or line (after punctuation, a line break or
at the start of the text). Imperatives are told apart this way: "Hurry!" and "Buy now" open a sentence, while
"we hurried" and "you can order the results" do not. The match is reported without the punctuation before it.

Trailing elements marked ``AFTER: true`` must follow the cue but are not part of what is reported (今だけ before a
noun, not before で; "only 3 left" before "in" or "!"): spaCy's Matcher has no look-ahead, so patterns are keyed by
how many such tokens end them (``after(key)``) and the finder cuts them off.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import product
from typing import TYPE_CHECKING, Any

from contentlint.i18n import N_, Text

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Span

WORD = "WORD"
BREAK = "BREAK"
AFTER = "AFTER"
MAX_EXPANSIONS = 1024


def expand(patterns: Sequence[list[dict[str, Any]]], nlp: Language) -> dict[str, list[list[dict[str, Any]]]]:
    """spaCy patterns for ``patterns`` keyed by their trailing AFTER count (see ``after``): WORD elements replaced
    by the tokens of each of their words, BREAK by its three forms."""
    keyed: dict[str, list[list[dict[str, Any]]]] = {}
    for pattern in patterns:
        tail = 0
        while tail < len(pattern) and pattern[len(pattern) - 1 - tail].get(AFTER) is True:
            tail += 1
        if tail == len(pattern) or any(AFTER in element for element in pattern[: len(pattern) - tail]):
            raise ValueError(
                Text(N_("{key}: only the last elements of a pattern, after the cue, can be marked"), key=AFTER)
            )
        pattern = [
            *pattern[: len(pattern) - tail],
            *({k: v for k, v in e.items() if k != AFTER} for e in pattern[len(pattern) - tail :]),
        ]
        expanded = keyed.setdefault(f"cue{tail}", [])
        choices = [_choices(element, nlp) for element in pattern]
        combos = 1
        for options in choices:
            combos *= len(options)
        if combos > MAX_EXPANSIONS:
            raise ValueError(
                Text(
                    N_("a pattern with WORD elements expands to {count} patterns (at most {limit}): split it"),
                    count=combos,
                    limit=MAX_EXPANSIONS,
                )
            )
        for combo in product(*choices):
            tokens = [token for part in combo for token in part]
            if tokens:
                expanded.extend(_breaks(tokens))
    return keyed


def after(key: str) -> int:
    """How many tokens at the end of a match of the patterns under ``key`` are context, not the cue."""
    return int(key[3:])


def _breaks(tokens: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """A pattern opening with {BREAK: true} as three spaCy patterns: after punctuation, after a line break,
    and at the start of the text."""
    if any(BREAK in token for token in tokens[1:]):
        raise ValueError(Text(N_("{key}: only the first element of a pattern can be a break"), key=BREAK))
    if BREAK not in tokens[0]:
        return [tokens]
    if tokens[0] != {BREAK: True} or len(tokens) < 2:
        raise ValueError(Text(N_("{key}: write {{{key}: true}} alone, followed by the cue's tokens"), key=BREAK))
    first, rest = tokens[1], tokens[2:]
    return [
        [{"IS_PUNCT": True}, first, *rest],
        [{"IS_SPACE": True}, first, *rest],
        [{**first, "IS_SENT_START": True}, *rest],
    ]


def _choices(element: dict[str, Any], nlp: Language) -> list[list[dict[str, Any]]]:
    if WORD not in element:
        return [[element]]
    words, extra = element[WORD], set(element) - {WORD, "OP"}
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
        raise ValueError(
            Text(N_("{key}: expected a non-empty list of words, got {value}"), key=WORD, value=repr(words))
        )
    if extra or element.get("OP", "?") != "?":
        raise ValueError(Text(N_("{key}: takes only OP: '?' beside it, got {value}"), key=WORD, value=repr(element)))
    options = [[{"LOWER": token.lower_} for token in nlp.make_doc(word)] for word in words]
    return [[], *options] if element.get("OP") == "?" else options


def trim(span: Span) -> Span | None:
    """The span without punctuation or spaces at its ends (patterns anchor on a sentence break before a cue)."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if end > start else None
