"""The pressure rules on the labelled pressure-phrase set (tests/checks/pressure_set): per-language bars."""

from __future__ import annotations

import pytest

from tests.checks.pressure_set import LANGS, NONE, load, measure


@pytest.mark.parametrize("lang", LANGS)
def test_the_set_is_half_pressure_half_ordinary_sentences(lang: str) -> None:
    items = load(lang)
    assert len(items) >= (100 if lang == "zh" else 200)
    ordinary = sum(item.expected == NONE for item in items)
    assert ordinary * 2 == len(items)
    assert len({item.text for item in items}) == len(items)


@pytest.mark.parametrize("lang", LANGS)
def test_pressure_rules_meet_the_bars(lang: str) -> None:
    score = measure(lang)
    assert score.precision >= 0.95, score.false_alarms
    assert score.recall >= 0.90, score.misses
