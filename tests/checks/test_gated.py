from __future__ import annotations

from pathlib import Path

import numpy
import pytest
from spacy.matcher import Matcher

from contentlint.checks import tokenpatterns
from contentlint.checks.gated import GatedMatcher, anchored, anchors, longest
from contentlint.checks.pack import load_packs
from contentlint.nlp import pipeline
from contentlint.packfiles import default_pack_files

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_anchors_are_the_required_literal_elements() -> None:
    pattern = [
        {"IS_PUNCT": True},
        {"LOWER": "hurry"},
        {"LOWER": {"IN": ["up", "now"]}, "OP": "?"},
        {"LEMMA": {"IN": ["sale", "deal"]}, "OP": "+"},
        {"LOWER": {"REGEX": "^x"}},
        {"ORTH": "!", "OP": "*"},
    ]
    assert anchors(pattern) == (("lower_", frozenset({"hurry"})), ("lemma_", frozenset({"sale", "deal"})))


def test_a_doc_without_an_anchor_word_builds_and_runs_no_matcher() -> None:
    nlp = pipeline.load("en")
    gated = GatedMatcher(nlp.vocab, {"cue0": [[{"LOWER": "hurry"}, {"LOWER": "up"}]]})
    assert gated(nlp("Take your time and read the guide.")) == []
    assert gated._matchers == {}
    found = gated(nlp("Hurry up!"))
    assert [(nlp.vocab.strings[key], start, end) for key, start, end in found] == [("cue0", 0, 2)]


def test_a_pattern_without_anchors_runs_on_every_doc() -> None:
    nlp = pipeline.load("en")
    gated = GatedMatcher(nlp.vocab, {"cue0": [[{"LIKE_NUM": True}, {"IS_PUNCT": True}]]})
    assert [(s, e) for _k, s, e in gated(nlp("We saw 3!"))] == [(2, 4)]


def _sample_texts(lang: str) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((SAMPLES / lang).glob("*.md"))]
    return [
        *texts,
        "Hurry! Only 3 left in stock. Buy now, the offer ends tonight. Don't miss out on this deal!",
        "今すぐお申し込みください！残り3日限定。お急ぎください。本日23時59分まで！",
    ]


@pytest.mark.parametrize("lang", ["en", "ja", "zh"])
def test_the_default_packs_match_exactly_what_one_matcher_finds(lang: str) -> None:
    nlp = pipeline.load(lang)
    book = load_packs(default_pack_files())
    rules = [r for r in book.rules.values() if r.kind == "pattern" and r.params["patterns"].get(lang)]
    assert rules
    docs = list(nlp.pipe(_sample_texts(lang)))
    for rule in rules:
        keyed = tokenpatterns.expand(rule.params["patterns"][lang], nlp)
        whole = Matcher(nlp.vocab)
        for key, patterns in keyed.items():
            whole.add(key, patterns)
        gated = GatedMatcher(nlp.vocab, keyed)
        for doc in docs:
            assert sorted(set(gated(doc))) == sorted(set(whole(doc))), (rule.id, doc.text[:40])


@pytest.mark.parametrize("lang", ["en", "ja", "zh"])
def test_anchored_words_stand_where_the_docs_tokens_say(lang: str) -> None:
    nlp = pipeline.load(lang)
    strings = nlp.vocab.strings
    for owner, doc in enumerate(nlp.pipe(_sample_texts(lang))):
        for attr in ("orth_", "lower_", "lemma_", "norm_"):
            values = [strings[getattr(token, attr)] for token in doc]
            words = sorted({*values[::3], strings.add("never-in-any-post")})
            expected = {w: [i for i, v in enumerate(values) if v == w] for w in words if w in values}
            assert anchored(doc, attr, numpy.array(words, dtype="uint64"), owner) == expected, attr
            assert doc.user_data[f"contentlint.anchored.{attr}.{owner}"] == expected  # made once per Doc


def test_longest_counts_the_tokens_a_match_can_cover() -> None:
    assert longest([{"LOWER": "only"}, {"LIKE_NUM": True}, {"IS_ALPHA": True, "OP": "?"}]) == 3
    assert longest([{"LOWER": "a"}, {"IS_PUNCT": False, "OP": "{0,4}"}, {"LOWER": "b", "OP": "{2}"}]) == 7
    assert longest([{"LOWER": "a"}, {"OP": "{,3}"}]) == 4
    assert longest([{"LOWER": "a"}, {"OP": "+"}]) is None
    assert longest([{"LOWER": "a"}, {"OP": "{1,}"}]) is None


def test_a_long_doc_is_matched_only_near_its_anchor_words() -> None:
    nlp = pipeline.load("en")
    filler = " ".join(["The guide explains how teams plan their week."] * 40)
    doc = nlp(f"{filler} Hurry up, the sale ends tonight! {filler} Don't wait!")
    gated = GatedMatcher(
        nlp.vocab,
        {"cue0": [[{"LOWER": "hurry"}, {"LOWER": "up"}], [{"LOWER": "do"}, {"LOWER": "n't"}, {"LOWER": "wait"}]]},
    )
    windows = gated._windows(gated.every, gated.index(doc), len(doc))
    assert windows is not None and sum(stop - start for start, stop in windows) < 10
    whole = Matcher(nlp.vocab)
    for pattern in gated.patterns:
        whole.add(pattern[0], [pattern[1]])
    assert gated(doc) == sorted(set(whole(doc))) and len(gated(doc)) == 2
