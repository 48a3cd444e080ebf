from __future__ import annotations

from contentlint.nlp.calibration import expected_calibration_error, precision_threshold, reliability


def test_reliability_bins_and_ece_by_hand() -> None:
    confidence = [0.95, 0.95, 0.55, 0.55, 0.55, 0.55, 1.0]
    correct = [True, False, True, True, False, False, True]
    rows = reliability(confidence, correct)
    assert [(r["bin"], r["n"]) for r in rows] == [("0.5-0.6", 4), ("0.9-1.0", 3)]  # 1.0 falls in the last bin
    assert rows[0]["accuracy"] == 0.5 and rows[1]["confidence"] == round((0.95 + 0.95 + 1.0) / 3, 4)
    expected = 4 / 7 * abs(0.5 - 0.55) + 3 / 7 * abs(2 / 3 - rows[1]["confidence"])
    assert abs(expected_calibration_error(confidence, correct) - expected) < 1e-3


def test_a_calibrated_forecaster_has_no_error_and_an_overconfident_one_has() -> None:
    assert expected_calibration_error([0.75] * 4, [True, True, True, False]) == 0.0
    assert expected_calibration_error([0.99] * 4, [True, False, True, False]) > 0.4


def test_threshold_is_the_lowest_that_keeps_warnings_precise() -> None:
    p = [0.99, 0.97, 0.95, 0.93, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4]
    promo = [True] * 5 + [True, False, True, False, False]
    assert precision_threshold(p, promo, target=0.95, min_warnings=3) == 0.8  # 6 of 6 right; with 0.7: 6 of 7
    assert precision_threshold(p, promo, target=0.8, min_warnings=3) == 0.6  # 7 of 8
    assert precision_threshold(p, [False] * 10, target=0.95, min_warnings=3) == 1.0  # never warn


def test_threshold_needs_enough_warnings_to_judge() -> None:
    assert precision_threshold([0.9, 0.8, 0.1], [True, False, False], target=0.95, min_warnings=2) == 1.0
