"""What a calendar (or feed) delivers once its entries are classified: mix, score, band, continuity."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from contentlint.calendar.entries import Calendar, Entry
from contentlint.calendar.mix import Mix, Target, band, score, stage_mix

CHECKPOINT_MONTHS = (3, 6, 9, 12)


@dataclass(frozen=True, slots=True)
class EntryResult:
    entry: Entry
    label: str
    group: str
    stage: str
    confidence: float

    @property
    def date(self) -> dt.date | None:
        return self.entry.date

    @property
    def channel(self) -> str | None:
        return self.entry.channel


@dataclass(slots=True)
class CalendarReport:
    calendar: Calendar
    results: list[EntryResult]
    mix: Mix = field(init=False)
    channel_mixes: dict[str, Mix] = field(init=False)
    score: int = field(init=False)
    band: str = field(init=False)
    fail_under: int | None = None

    def __post_init__(self) -> None:
        # A total order: a feed's posts arrive in any order (from parallel workers), and two may share a date.
        self.results.sort(key=lambda r: (r.date or dt.date.max, r.entry.index, r.entry.path, r.entry.line))
        self.mix = stage_mix(r.stage for r in self.results)
        by_channel: dict[str, list[str]] = {}
        for r in self.results:
            by_channel.setdefault(r.channel or "(none)", []).append(r.stage)
        self.channel_mixes = {name: stage_mix(stages) for name, stages in sorted(by_channel.items())}
        self.score = score(self.mix, self.target)
        self.band = band(self.score)

    @property
    def target(self) -> Target:
        return self.calendar.target

    @property
    def gate_passed(self) -> bool:
        return self.fail_under is None or self.score >= self.fail_under

    def channel_score(self, channel: str) -> int:
        return score(self.channel_mixes[channel], self.target)

    def dated(self) -> list[EntryResult]:
        return [r for r in self.results if r.date is not None]

    def continuity(self) -> dict[str, Any]:
        """Insight posts delivered by 3, 6, 9 and 12 months from the first date; span in days."""
        dated = self.dated()
        if not dated:
            return {"start": None, "end": None, "days": 0, "checkpoints": {}}
        start, end = dated[0].date, dated[-1].date
        assert start is not None and end is not None
        checkpoints = {}
        for months in CHECKPOINT_MONTHS:
            limit = _add_months(start, months)
            checkpoints[f"{months}m"] = sum(
                1 for r in dated if r.group == "insight" and r.date is not None and r.date < limit
            )
        return {
            "start": start.isoformat(),
            "end": end.isoformat(),
            "days": (end - start).days,
            "checkpoints": checkpoints,
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.calendar.path,
            "name": self.calendar.name,
            "kind": self.calendar.kind,
            "target": self.target.to_dict(),
            "mix": self.mix.to_dict(),
            "channels": {
                name: {**mix.to_dict(), "score": self.channel_score(name)} for name, mix in self.channel_mixes.items()
            },
            "score": self.score,
            "band": self.band,
            "gate": {"fail_under": self.fail_under, "passed": self.gate_passed},
            "continuity": self.continuity(),
        }


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")
