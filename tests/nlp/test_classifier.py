from __future__ import annotations

import math

from contentlint.nlp.classifier import classify, combine, cue_bonus
from contentlint.nlp.cues import CueMatch
from contentlint.taxonomy import CLASSES


def match(cue_set: str, text: str, start: int) -> CueMatch:
    return CueMatch(cue_set, text, start, start + len(text))


def test_without_cues_the_model_decides() -> None:
    scores = {cls: 0.1 for cls in CLASSES} | {"problem/pre": 0.5}
    result = classify(scores, {}, weight=1.0)
    assert (result.label, result.stage, result.group) == ("problem", "pre", "insight")
    assert math.isclose(sum(result.scores.values()), 1.0, abs_tol=1e-3)


def test_cues_shift_a_close_call_and_become_the_evidence() -> None:
    scores = {cls: 0.05 for cls in CLASSES} | {"release/at": 0.40, "sale/at": 0.35}
    matches = {"sale": [match("sale", "30% off", 10), match("sale", "coupon", 2)],
               "release": [], "howto": [match("howto", "step", 40)]}
    result = classify(scores, matches, weight=1.0)
    assert result.cls == "sale/at"
    assert [m.text for m in result.evidence] == ["coupon", "30% off"]  # by position, winning label only
    assert classify(scores, matches, weight=0.0).cls == "release/at"


def test_how_to_stage_cues_count_for_the_stage() -> None:
    counts = {"howto": 1, "post": 3, "pre": 0}
    assert cue_bonus("howto/post", counts) > cue_bonus("howto/pre", counts) > cue_bonus("sale/at", counts)


def test_no_model_scores_means_cues_alone() -> None:
    probabilities = combine({}, {"release": 2}, weight=1.0)
    assert max(probabilities, key=probabilities.get) == "release/at"
    assert len(set(combine({}, {}, weight=1.0).values())) == 1
