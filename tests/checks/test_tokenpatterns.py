from __future__ import annotations

import pytest
from spacy.matcher import Matcher

from contentlint.checks.tokenpatterns import after, expand, trim
from contentlint.nlp import pipeline


def _matches(lang: str, patterns: list[list[dict]], text: str) -> list[str]:
    nlp = pipeline.load(lang)
    matcher = Matcher(nlp.vocab, validate=True)
    for key, expanded in expand(patterns, nlp).items():
        matcher.add(key, expanded)
    doc = nlp(text)
    return sorted(
        span.text for k, s, e in matcher(doc) if (span := trim(doc[s : e - after(nlp.vocab.strings[k])])) is not None
    )


def test_break_matches_a_cue_that_opens_a_sentence_or_the_text() -> None:
    pattern = [[{"BREAK": True}, {"LOWER": "hurry"}, {"IS_PUNCT": True}]]
    assert _matches("en", pattern, "Hurry! Sale. Hurry, now.\n\nHurry!") == ["Hurry", "Hurry", "Hurry"]
    assert _matches("en", pattern, "We hurry, as always. Don't hurry.") == []


def test_word_elements_follow_the_tokenizer() -> None:
    pattern = [[{"WORD": ["关注", "转发"]}, {"OP": "{0,3}"}, {"WORD": ["抽奖"]}]]
    assert _matches("zh", pattern, "关注本号抽奖") == ["关注本号抽奖"]
    assert _matches("zh", pattern, "关注用户需求") == []


def test_after_elements_must_follow_but_are_not_reported() -> None:
    pattern = [
        [{"LOWER": "only"}, {"LIKE_NUM": True}, {"LOWER": "left"}, {"LOWER": {"IN": ["in", "at"]}, "AFTER": True}]
    ]
    assert _matches("en", pattern, "Only 3 left in stock. Only 3 left the team.") == ["Only 3 left"]


@pytest.mark.parametrize(
    "pattern",
    [
        [{"WORD": []}],
        [{"LOWER": "a", "AFTER": True}],
        [{"LOWER": "a", "AFTER": True}, {"LOWER": "b"}],
        [{"WORD": ["a"], "OP": "+"}],
        [{"LOWER": "a"}, {"BREAK": True}],
        [{"BREAK": True}],
    ],
)
def test_bad_elements_are_refused(pattern: list[dict]) -> None:
    with pytest.raises(ValueError):
        expand([pattern], pipeline.load("en"))
