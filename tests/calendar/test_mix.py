from __future__ import annotations

import pytest

from contentlint.calendar.mix import PRESETS, band, custom_target, resolve_target, score, stage_mix


def mix(pre: int, at: int, post: int):  # type: ignore[no-untyped-def]
    return stage_mix(["pre"] * pre + ["at"] * at + ["post"] * post)


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ((8, 2, 0), 100),  # exactly a fifth promotional
        ((7, 3, 0), 80),  # 10 points over -> 20 points lost
        ((6, 4, 0), 60),
        ((5, 5, 0), 40),
        ((0, 10, 0), 0),
        ((0, 0, 10), 100),  # 80-20 says nothing about pre vs post
    ],
)
def test_80_20_score(counts: tuple[int, int, int], expected: int) -> None:
    assert score(mix(*counts), PRESETS["80-20"]) == expected


def test_point_targets_use_their_tolerance() -> None:
    thirds = PRESETS["thirds"]
    assert score(mix(1, 1, 1), thirds) == 100
    # pre 67% is 23.3 points over 43.3%; at and post 16.7% are 6.7 points under 23.3%: 2 x 36.7 points lost
    assert score(mix(4, 1, 1), thirds) == 27
    assert score(mix(4, 1, 1), PRESETS["4-1-1"]) == 100
    assert score(mix(7, 1, 2), PRESETS["70-20-10"]) == 100


def test_custom_target_and_its_errors() -> None:
    target = custom_target({"pre": 50, "at": 20, "post": 30}, 0.05)  # percentages are accepted
    assert target.ranges["at"] == pytest.approx((0.15, 0.25))
    assert resolve_target({"pre": 0.5, "at": 0.2, "post": 0.3}).name == "custom"
    assert resolve_target(None).name == "80-20"
    for bad in (
        {"pre": 0.5, "at": 0.2},
        {"pre": 1, "at": 1, "post": 1},
        {"pre": -1, "at": 1, "post": 1},
        {"pre": 0.5, "at": 0.5, "later": 0},
        "90-10",
    ):
        with pytest.raises(ValueError):
            resolve_target(bad)


@pytest.mark.parametrize(
    ("value", "expected"), [(100, "good"), (80, "good"), (79, "warn"), (60, "warn"), (59, "fail"), (0, "fail")]
)
def test_bands(value: int, expected: str) -> None:
    assert band(value) == expected


def test_empty_calendar_scores_zero() -> None:
    assert score(stage_mix([]), PRESETS["80-20"]) == 0
