"""Calendar-scope rule kinds: they read a CalendarReport (a calendar's or a feed's entries in date order with their
stages) and yield CalendarHits naming the entries they are about."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from contentlint import optionschema as opt
from contentlint.calendar.mix import Mix
from contentlint.calendar.scorecard import CalendarReport, EntryResult
from contentlint.i18n import N_, Text
from contentlint.optionschema import Option

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(frozen=True, slots=True)
class CalendarHit:
    """A finding about the whole calendar or feed, and the entries (posts) it is about, in date order."""

    about: tuple[EntryResult, ...]
    values: Mapping[str, Any] = field(default_factory=dict)


def _about(results: Iterable[EntryResult], **values: Any) -> CalendarHit:
    return CalendarHit(tuple(results), values)


def _excess(report: CalendarReport, results: Sequence[EntryResult], shares: Mix) -> list[EntryResult]:
    """The posts of the stages whose share is above the target's range: those that pull the score down."""
    over = {stage for stage, (_low, high) in report.target.ranges.items() if shares.share(stage) > high}
    return [r for r in results if r.stage in over]


def _fraction(value: Any) -> str | None:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1
    return None if ok else Text(N_("expected a number from 0 to 1"))


class _CalendarKind:
    needs_doc = False
    scope = "calendar"
    schema: Mapping[str, Option] = {}

    def check_params(self, params: Mapping[str, Any], languages: Sequence[str]) -> str | None:
        return None

    def compile(self, params: Mapping[str, Any], lang: str, nlp: Language | None) -> _Bound:
        return _Bound(self, params)

    def run(self, report: CalendarReport, params: Mapping[str, Any]) -> Iterator[CalendarHit]:
        raise NotImplementedError


class _Bound:
    def __init__(self, kind: _CalendarKind, params: Mapping[str, Any]) -> None:
        self.kind, self.params = kind, params

    def check(self, report: CalendarReport, /) -> Iterator[CalendarHit]:
        return self.kind.run(report, self.params)


def _runs(results: list[EntryResult]) -> Iterator[list[EntryResult]]:
    run: list[EntryResult] = []
    for result in results:
        if result.group == "promotional":
            run.append(result)
            continue
        if run:
            yield run
        run = []
    if run:
        yield run


class PromoStreakKind(_CalendarKind):
    """N consecutive promotional posts, over the whole calendar and per channel."""

    name = "promo-streak"
    schema: Mapping[str, Option] = {
        "max_run": Option(opt.INTEGER, default=3, help="longest allowed run of promotional posts"),
        "per_channel": Option(opt.BOOLEAN, default=True, help="also look at each channel on its own"),
    }

    def run(self, report: CalendarReport, params: Mapping[str, Any]) -> Iterator[CalendarHit]:
        scopes = [("all", report.results)]
        if params["per_channel"] and len(report.channel_mixes) > 1:
            for channel in report.channel_mixes:
                scopes.append((channel, [r for r in report.results if (r.channel or "(none)") == channel]))
        for scope, results in scopes:
            for run in _runs(results):
                if len(run) > params["max_run"]:
                    yield _about(run, run=len(run), channel=scope, first=_day(run[0]), last=_day(run[-1]))


class GapKind(_CalendarKind):
    """More than N days between two consecutive posts."""

    name = "calendar-gap"
    schema: Mapping[str, Option] = {"max_days": Option(opt.INTEGER, default=14, help="longest allowed silence in days")}

    def run(self, report: CalendarReport, params: Mapping[str, Any]) -> Iterator[CalendarHit]:
        dated = report.dated()
        for before, after in pairwise(dated):
            days = (after.date - before.date).days  # type: ignore[operator]
            if days > params["max_days"]:
                yield _about((before, after), days=days, first=_day(before), last=_day(after))


class InsightFreeWeeksKind(_CalendarKind):
    """Weeks (Monday to Sunday) inside the calendar's span with no insight post."""

    name = "insight-free-weeks"
    schema: Mapping[str, Option] = {
        "min_weeks": Option(opt.INTEGER, default=1, help="report stretches of at least this many weeks")
    }

    def run(self, report: CalendarReport, params: Mapping[str, Any]) -> Iterator[CalendarHit]:
        dated = report.dated()
        if not dated:
            return
        # Week numbers are ordinals of Mondays, so a placeholder date such as 9999-12-31 never overflows, and the
        # work is one step per insight week, not one per week of the span (which a year-9999 entry makes ~400,000).
        starts = [_monday(r.date) for r in dated if r.date is not None]  # all of them: dated() keeps dated results
        first, last = starts[0], starts[-1]
        insight = sorted({week for week, r in zip(starts, dated, strict=True) if r.group == "insight"})
        for before, after in zip([first - 7, *insight], [*insight, last + 7], strict=True):
            weeks = (after - before) // 7 - 1
            if weeks >= max(1, params["min_weeks"]):
                begin, end = before + 7, after - 7
                lo, hi = bisect.bisect_left(starts, begin), bisect.bisect_right(starts, end)
                # a silent stretch is about the posts in it, else the posts on either side of it
                about = dated[lo:hi] or dated[max(lo - 1, 0) : lo] + dated[hi : hi + 1]
                yield _about(
                    about,
                    weeks=weeks,
                    first=dt.date.fromordinal(begin).isoformat(),
                    last=dt.date.fromordinal(end + 6).isoformat()
                    if end + 6 <= dt.date.max.toordinal()
                    else dt.date.max.isoformat(),
                )


class CadenceKind(_CalendarKind):
    """Intervals between posts vary too much (coefficient of variation of the gaps)."""

    name = "irregular-cadence"
    schema: Mapping[str, Option] = {
        "max_variation": Option(opt.NUMBER, default=0.8, help="highest allowed stdev / mean of the gaps"),
        "min_entries": Option(opt.INTEGER, default=5, help="needs at least this many dated entries"),
    }

    def run(self, report: CalendarReport, params: Mapping[str, Any]) -> Iterator[CalendarHit]:
        dated = report.dated()
        if len(dated) < params["min_entries"]:
            return
        gaps = [(b.date - a.date).days for a, b in pairwise(dated)]  # type: ignore[operator]
        import statistics  # imported here: a run that scores no calendar does not pay for it

        mean = statistics.mean(gaps)
        if mean <= 0:
            return
        variation = statistics.pstdev(gaps) / mean
        if variation > params["max_variation"]:
            pairs = list(pairwise(dated))
            longest = max(range(len(gaps)), key=lambda i: gaps[i])
            yield _about(
                pairs[longest], variation=f"{variation:.2f}", shortest=min(gaps), longest=max(gaps), mean=f"{mean:.1f}"
            )


class ChannelMixKind(_CalendarKind):
    """A channel's own stage mix scores below a threshold against the calendar's target."""

    name = "channel-mix"
    schema: Mapping[str, Option] = {
        "min_score": Option(opt.INTEGER, default=60, help="lowest acceptable channel score"),
        "min_posts": Option(opt.INTEGER, default=3, help="only channels with at least this many posts"),
    }

    def run(self, report: CalendarReport, params: Mapping[str, Any]) -> Iterator[CalendarHit]:
        for channel, mix in report.channel_mixes.items():
            value = report.channel_score(channel)
            if mix.total >= params["min_posts"] and value < params["min_score"]:
                mine = [r for r in report.results if (r.channel or "(none)") == channel]
                yield _about(
                    _excess(report, mine, mix),
                    channel=channel,
                    score=value,
                    posts=mix.total,
                    at_share=f"{mix.share('at'):.0%}",
                    target=report.target.name,
                    target_description=report.target.description,
                )


class ChannelFitKind(_CalendarKind):
    """Open channels (reach) with only promotions, closed channels (customers) full of acquisition promos."""

    name = "channel-fit"
    schema: Mapping[str, Option] = {
        "channel_type": Option(opt.one_of("open", "closed"), required=True, help="which channels"),
        "max_at_share": Option(_fraction, required=True, help="highest allowed share of at-purchase posts"),
        "min_posts": Option(opt.INTEGER, default=2, help="only channels with at least this many posts"),
    }

    def run(self, report: CalendarReport, params: Mapping[str, Any]) -> Iterator[CalendarHit]:
        for channel, mix in report.channel_mixes.items():
            if report.calendar.channel_type(channel) != params["channel_type"] or mix.total < params["min_posts"]:
                continue
            if mix.share("at") > params["max_at_share"]:
                promos = [r for r in report.results if (r.channel or "(none)") == channel and r.stage == "at"]
                yield _about(promos, channel=channel, at_share=f"{mix.share('at'):.0%}", posts=mix.total)


class MixScoreKind(_CalendarKind):
    """The calendar's stage mix scores below a threshold against its target."""

    name = "mix-score"
    schema: Mapping[str, Option] = {"min_score": Option(opt.INTEGER, default=80, help="fires below this score")}

    def run(self, report: CalendarReport, params: Mapping[str, Any]) -> Iterator[CalendarHit]:
        if report.results and report.score < params["min_score"]:
            shares = ", ".join(f"{s} {report.mix.share(s):.0%}" for s in ("pre", "at", "post"))
            yield _about(
                _excess(report, report.results, report.mix),
                score=report.score,
                band=report.band,
                mix=shares,
                target=report.target.name,
                target_description=report.target.description,
            )


class SpanKind(_CalendarKind):
    """Content needs months to pay off: a calendar covering less than N days is too short to judge."""

    name = "calendar-span"
    schema: Mapping[str, Option] = {
        "min_days": Option(opt.INTEGER, default=90, help="shortest span (first to last date)")
    }

    def run(self, report: CalendarReport, params: Mapping[str, Any]) -> Iterator[CalendarHit]:
        dated = report.dated()
        continuity = report.continuity()
        if dated and continuity["days"] < params["min_days"]:
            yield _about(
                (dated[0], dated[-1]) if len(dated) > 1 else dated,
                days=continuity["days"],
                insight=continuity["checkpoints"].get("3m", 0),
            )


class CadenceDropKind(_CalendarKind):
    """The last quarter of the calendar has far fewer posts than the quarters before it."""

    name = "cadence-drop"
    schema: Mapping[str, Option] = {
        "ratio": Option(
            _fraction,
            default=0.5,
            help="fires when the last quarter has fewer than ratio × the average of the earlier quarters",
        ),
        "min_entries": Option(opt.INTEGER, default=8, help="needs at least this many dated entries"),
    }

    def run(self, report: CalendarReport, params: Mapping[str, Any]) -> Iterator[CalendarHit]:
        dated = report.dated()
        if len(dated) < params["min_entries"]:
            return
        start, end = dated[0].date, dated[-1].date
        span = (end - start).days  # type: ignore[operator]
        if span < 28:
            return
        quarters = [0, 0, 0, 0]
        for r in dated:
            quarters[min(3, (r.date - start).days * 4 // (span + 1))] += 1  # type: ignore[operator]
        earlier = sum(quarters[:3]) / 3
        if quarters[3] < params["ratio"] * earlier:
            tail = [r for r in dated if (r.date - start).days * 4 // (span + 1) >= 3]  # type: ignore[operator]
            yield _about(tail, last_quarter=quarters[3], earlier=f"{earlier:.1f}")


def _monday(day: dt.date) -> int:
    """The ordinal of the Monday of ``day``'s week."""
    return day.toordinal() - day.weekday()


def _day(result: EntryResult) -> str:
    return result.date.isoformat() if result.date else f"entry {result.entry.index + 1}"
