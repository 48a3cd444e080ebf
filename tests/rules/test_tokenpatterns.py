from __future__ import annotations

import pytest
from spacy.matcher import Matcher

from contentlint.nlp import pipeline
from contentlint.rules.tokenpatterns import expand, trim


def _matches(lang: str, patterns: list[list[dict]], text: str) -> list[str]:
    nlp = pipeline.load(lang)
    matcher = Matcher(nlp.vocab, validate=True)
    matcher.add("x", expand(patterns, nlp))
    doc = nlp(text)
    return sorted(span.text for _k, s, e in matcher(doc) if (span := trim(doc[s:e])) is not None)


def test_break_matches_a_cue_that_opens_a_sentence_or_the_text() -> None:
    pattern = [[{"BREAK": True}, {"LOWER": "hurry"}, {"IS_PUNCT": True}]]
    assert _matches("en", pattern, "Hurry! Sale. Hurry, now.\n\nHurry!") == ["Hurry", "Hurry", "Hurry"]
    assert _matches("en", pattern, "We hurry, as always. Don't hurry.") == []


def test_word_elements_follow_the_tokenizer() -> None:
    pattern = [[{"WORD": ["关注", "转发"]}, {"OP": "{0,3}"}, {"WORD": ["抽奖"]}]]
    assert _matches("zh", pattern, "关注本号抽奖") == ["关注本号抽奖"]
    assert _matches("zh", pattern, "关注用户需求") == []


@pytest.mark.parametrize("pattern", [[{"WORD": []}], [{"WORD": ["a"], "OP": "+"}],
                                     [{"LOWER": "a"}, {"BREAK": True}], [{"BREAK": True}]])
def test_bad_elements_are_refused(pattern: list[dict]) -> None:
    with pytest.raises(ValueError):
        expand([pattern], pipeline.load("en"))
