from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from contentlint.nlp.combiner import (
    Combiner,
    Inputs,
    fit,
    fit_temperature,
    load,
    place_vocabulary,
    promotional_probability,
    softmax,
)
from contentlint.taxonomy import CLASSES


def inputs(cls: str, place: tuple[str, ...] = (), sale_cues: int = 0) -> Inputs:
    scores = {c: (0.5 if c == cls else 0.1) for c in CLASSES}
    return Inputs(scores, {"sale": sale_cues}, {"prices": float(sale_cues)}, place)


def test_fit_learns_from_place_words_what_the_text_model_gets_wrong() -> None:
    # The text model says howto/post for everything; the path tells the release notes apart.
    data = [inputs("howto/post", ("path:changelog",))] * 20 + [inputs("howto/post", ("path:docs",))] * 20
    gold = ["release/at"] * 20 + ["howto/post"] * 20
    combiner = Combiner(("cues", "structure", "place"), ("sale",), ("path:changelog", "path:docs"))
    fit(combiner, data, gold, [1.0] * 40)
    assert max(combiner.predict(data[0]).items(), key=lambda kv: kv[1])[0] == "release/at"
    assert max(combiner.predict(data[-1]).items(), key=lambda kv: kv[1])[0] == "howto/post"
    assert math.isclose(sum(combiner.predict(data[0]).values()), 1.0, abs_tol=1e-9)


def test_same_data_same_weights_and_a_round_trip_through_the_model_folder(tmp_path: Path) -> None:
    data = [inputs("sale/at", sale_cues=2), inputs("problem/pre"), inputs("howto/pre")] * 5
    gold = ["sale/at", "problem/pre", "howto/pre"] * 5
    first = fit(Combiner(("cues",), ("sale",), ()), data, gold, [1.0] * 15)
    second = fit(Combiner(("cues",), ("sale",), ()), data, gold, [1.0] * 15)
    assert first.weights == second.weights
    first.temperature, first.promo_threshold = 1.7, 0.83
    first.save(tmp_path)
    loaded = load(tmp_path)
    assert loaded is not None and loaded.temperature == 1.7 and loaded.promo_threshold == 0.83
    assert abs(loaded.predict(data[0])["sale/at"] - first.predict(data[0])["sale/at"]) < 1e-4
    assert load(tmp_path / "missing") is None


def test_temperature_softens_overconfident_logits_and_sharpens_timid_ones() -> None:
    rng = np.random.default_rng(0)
    gold_index = rng.integers(0, len(CLASSES), 400)
    logits = rng.normal(size=(400, len(CLASSES)))
    logits[np.arange(400), gold_index] += 1.0
    gold = [CLASSES[i] for i in gold_index]
    t = fit_temperature(logits, gold)
    assert fit_temperature(logits * 4, gold) > 3 * t * 0.9  # 4x sharper logits need about 4x the temperature
    assert fit_temperature(logits / 4, gold) < t


def test_promotional_probability_sums_the_promotional_classes() -> None:
    probs = softmax(np.zeros((1, len(CLASSES))))
    assert math.isclose(float(promotional_probability(probs)[0]), 0.5)


def test_place_vocabulary_keeps_words_of_several_sources() -> None:
    places = [["path:docs", "path:acme"], ["path:docs"], ["path:docs", "path:acme"]]
    assert place_vocabulary(places, ["a/x", "b/y", "c/z"], min_groups=3) == ("path:docs",)
    assert place_vocabulary(places, ["a/x", "a/x", "a/x"], min_groups=2) == ()


def test_a_combiner_from_another_version_is_an_input_error_naming_its_file(tmp_path: Path) -> None:
    import json

    import pytest

    from contentlint.errors import InputError
    from contentlint.nlp.combiner import load

    (tmp_path / "combiner.json").write_text(json.dumps({"classes": ["promo", "insight"]}), encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load(tmp_path)
    assert raised.value.path == str(tmp_path / "combiner.json")
    assert "classes differ" in str(raised.value)
