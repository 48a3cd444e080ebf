from __future__ import annotations

import pytest

from contentlint.nlp import pipeline
from contentlint.nlp.cues import CueMatch, CueMatcher
from contentlint.nlp.lexicon import default_cues
from contentlint.nlp.phrases import PhraseFinder
from tests.helpers import REPO


@pytest.mark.parametrize("lang", ["en", "ja", "zh"])
def test_one_shared_token_matcher_finds_what_a_matcher_per_cue_set_finds(lang: str) -> None:
    cues, nlp = default_cues(), pipeline.load(lang)
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "samples" / lang).iterdir())]
    docs = list(pipeline.make_docs(lang, texts))
    per_set = {
        name: PhraseFinder(nlp, lang, list(by_lang[lang])) for name, by_lang in cues.items() if by_lang.get(lang)
    }
    matcher = CueMatcher(nlp, lang, cues)
    found = 0
    for doc in docs:
        expected = {
            name: [CueMatch(name, s.text, s.start_char, s.end_char) for s in find(doc)]
            for name, find in per_set.items()
        }
        assert matcher(doc) == expected
        found += sum(map(len, expected.values()))
    assert found > len(docs)  # the samples hold cues: the comparison is not of empty lists


def test_no_cues_in_a_language_find_nothing() -> None:
    doc = next(iter(pipeline.make_docs("en", ["Buy now!"])))
    assert CueMatcher(pipeline.load("en"), "en", {"urgency": {"ja": ("今すぐ",)}})(doc) == {}
