"""Stage mix and the mix score.

A target gives each stage an allowed range of shares. The score starts at 100 and loses 2 points for every
percentage point of the mix that lies outside its stage's range (clamped to 0..100):

    score = 100 × max(0, 1 − 2 × Σ_stage distance(share_stage, [low_stage, high_stage]))

Bands: ≥ 80 good, 60–79 warn, < 60 fail.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from contentlint.i18n import N_, Text
from contentlint.taxonomy import STAGES

BANDS = ((80, "good"), (60, "warn"), (0, "fail"))
DEFAULT_TOLERANCE = 0.1


@dataclass(frozen=True, slots=True)
class Target:
    name: str
    ranges: Mapping[str, tuple[float, float]]  # stage -> (low, high) share
    description: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "description": self.description,
            "ranges": {stage: [round(lo, 4), round(hi, 4)] for stage, (lo, hi) in self.ranges.items()},
        }


def _around(shares: Mapping[str, float], tolerance: float) -> dict[str, tuple[float, float]]:
    return {s: (max(0.0, shares[s] - tolerance), min(1.0, shares[s] + tolerance)) for s in STAGES}


PRESETS: dict[str, Target] = {
    "80-20": Target(
        "80-20",
        {"pre": (0.0, 1.0), "at": (0.0, 0.2), "post": (0.0, 1.0)},
        "at most a fifth of posts promotional (at purchase)",
    ),
    "4-1-1": Target(
        "4-1-1",
        _around({"pre": 4 / 6, "at": 1 / 6, "post": 1 / 6}, DEFAULT_TOLERANCE),
        "four insight posts for new readers, one for customers, one promotional (±10 points)",
    ),
    "thirds": Target(
        "thirds",
        _around({"pre": 1 / 3, "at": 1 / 3, "post": 1 / 3}, DEFAULT_TOLERANCE),
        "a third each before, at and after purchase (±10 points)",
    ),
    "70-20-10": Target(
        "70-20-10",
        _around({"pre": 0.7, "at": 0.1, "post": 0.2}, DEFAULT_TOLERANCE),
        "70% pre, 20% post, 10% promotional (±10 points)",
    ),
}
DEFAULT_TARGET = "80-20"


def custom_target(shares: Mapping[str, Any], tolerance: Any = DEFAULT_TOLERANCE) -> Target:
    """`target_mix: {pre: .5, at: .2, post: .3}` (shares or percentages) with a tolerance; ValueError if bad."""
    if not isinstance(shares, Mapping) or set(shares) - set(STAGES) or not shares:
        raise ValueError(
            Text(N_("target_mix must map pre / at / post to shares, e.g. {{pre: 0.5, at: 0.2, post: 0.3}}"))
        )
    values = {}
    for stage in STAGES:
        value = shares.get(stage, 0)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise ValueError(Text(N_("target_mix.{stage} must be a number >= 0"), stage=stage))
        values[stage] = float(value)
    total = sum(values.values())
    if total > 1.5:  # written as percentages
        values = {s: v / 100 for s, v in values.items()}
        total /= 100
    if abs(total - 1.0) > 0.02:
        raise ValueError(Text(N_("target_mix shares add up to {total}, not 1"), total=f"{total:.2f}"))
    if isinstance(tolerance, bool) or not isinstance(tolerance, (int, float)) or not 0 <= tolerance <= 0.5:
        raise ValueError(Text(N_("tolerance must be a number from 0 to 0.5")))
    pretty = ", ".join(f"{s} {values[s]:.0%}" for s in STAGES)
    return Target("custom", _around(values, float(tolerance)), f"{pretty} (±{tolerance:.0%})")


def resolve_target(value: Any, tolerance: Any = DEFAULT_TOLERANCE) -> Target:
    if value is None:
        return PRESETS[DEFAULT_TARGET]
    if isinstance(value, str):
        if value not in PRESETS:
            raise ValueError(
                Text(N_("unknown target {value} (presets: {presets})"), value=repr(value), presets=", ".join(PRESETS))
            )
        return PRESETS[value]
    return custom_target(value, tolerance)


@dataclass(frozen=True, slots=True)
class Mix:
    counts: Mapping[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def share(self, stage: str) -> float:
        return self.counts.get(stage, 0) / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "posts": self.total,
            "counts": {s: self.counts.get(s, 0) for s in STAGES},
            "shares": {s: round(self.share(s), 4) for s in STAGES},
        }


def stage_mix(stages: Iterable[str]) -> Mix:
    counts = {stage: 0 for stage in STAGES}
    for stage in stages:
        counts[stage] += 1
    return Mix(counts)


def score(mix: Mix, target: Target) -> int:
    if not mix.total:
        return 0
    outside = 0.0
    for stage, (low, high) in target.ranges.items():
        share = mix.share(stage)
        outside += max(0.0, low - share, share - high)
    return round(100 * max(0.0, 1.0 - 2.0 * outside))


def band(value: int) -> str:
    return next(name for floor, name in BANDS if value >= floor)


def effective_target(
    *,
    override: Any = None,
    calendar_mix: Any = None,
    calendar_tolerance: Any = None,
    config_target: Any = None,
    config_tolerance: Any = DEFAULT_TOLERANCE,
) -> Target:
    """The one place that decides what a calendar or feed is scored against, whatever its format.

    `--target` wins, then the calendar's own `target_mix` (with its own `tolerance`, else the config's), then the
    config's `target` with the config's `tolerance`, then the default preset. ValueError if a target is bad.
    """
    if override is not None:
        return resolve_target(override, config_tolerance)
    if calendar_mix is not None:
        return resolve_target(calendar_mix, config_tolerance if calendar_tolerance is None else calendar_tolerance)
    return resolve_target(config_target, config_tolerance)
