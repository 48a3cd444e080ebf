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
    matches = {
        "sale": [match("sale", "30% off", 10), match("sale", "coupon", 2)],
        "release": [],
        "howto": [match("howto", "step", 40)],
    }
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


def test_a_combiner_decides_and_warns_only_above_its_threshold() -> None:
    from contentlint.nlp.combiner import Combiner
    from contentlint.nlp.features import PostFeatures

    # weights that copy the model's log-scores: the combiner's probabilities are the model's own
    combiner = Combiner(
        ("cues",),
        ("sale",),
        (),
        weights=[[float(i == j) for j in range(len(CLASSES))] + [0.0] for i in range(len(CLASSES))],
        bias=[0.0] * len(CLASSES),
        temperature=1.0,
        promo_threshold=0.9,
    )
    scores = {cls: 0.05 for cls in CLASSES} | {"sale/at": 0.45, "release/at": 0.3}
    features = PostFeatures({}, ())
    unsure = classify(scores, {}, 0.0, combiner, features)
    assert unsure.label == "sale" and math.isclose(unsure.p_promotional, 0.8 / 0.95, abs_tol=1e-3)
    assert not unsure.promotional_warning
    combiner.promo_threshold = 0.8
    assert classify(scores, {}, 0.0, combiner, features).promotional_warning
    insight = classify({cls: 0.05 for cls in CLASSES} | {"howto/post": 0.75}, {}, 0.0, combiner, features)
    assert insight.group == "insight" and not insight.promotional_warning


def test_without_a_combiner_a_promotional_call_counts_as_sure() -> None:
    result = classify({cls: 0.1 for cls in CLASSES} | {"sale/at": 0.5}, {}, weight=1.0)
    assert result.group == "promotional" and result.promotional_warning
