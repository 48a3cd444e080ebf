"""Does a confidence mean a probability? Expected calibration error, reliability tables, and the
P(promotional) threshold that keeps promotional warnings precise."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

BINS = 10
TARGET_PRECISION = 0.95


def reliability(confidence: Sequence[float], correct: Sequence[bool], bins: int = BINS) -> list[dict[str, Any]]:
    """One row per equal-width confidence bin that holds predictions: range, count, mean confidence, accuracy."""
    rows = []
    for k in range(bins):
        low, high = k / bins, (k + 1) / bins
        members = [i for i, c in enumerate(confidence) if low <= c < high or (k == bins - 1 and c == 1.0)]
        if not members:
            continue
        rows.append(
            {
                "bin": f"{low:.1f}-{high:.1f}",
                "n": len(members),
                "confidence": round(sum(confidence[i] for i in members) / len(members), 4),
                "accuracy": round(sum(1 for i in members if correct[i]) / len(members), 4),
            }
        )
    return rows


def expected_calibration_error(confidence: Sequence[float], correct: Sequence[bool], bins: int = BINS) -> float:
    """Σ over bins of (bin share) × |accuracy − mean confidence| (10 equal-width bins by default)."""
    n = len(confidence)
    if not n:
        return 0.0
    error: float = sum(
        row["n"] / n * abs(row["accuracy"] - row["confidence"]) for row in reliability(confidence, correct, bins)
    )
    return round(error, 4)


def precision_threshold(
    p_promotional: Sequence[float],
    is_promotional: Sequence[bool],
    target: float = TARGET_PRECISION,
    min_warnings: int = 5,
) -> float:
    """The lowest threshold t at which the posts with P(promotional) ≥ t (at least ``min_warnings`` of them) are
    promotional at least ``target`` of the time: the most warnings at that precision; 1.0 (never warn) if none."""
    ranked = sorted(zip(p_promotional, is_promotional, strict=True), key=lambda pair: -pair[0])
    best = 1.0
    hits = 0
    for count, (p, promo) in enumerate(ranked, 1):
        hits += promo
        boundary = count == len(ranked) or ranked[count][0] < p
        if boundary and count >= min_warnings and hits / count >= target:
            best = p
    return round(best, 4)
