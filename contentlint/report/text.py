"""Plain text: `path:line:col: level [rule-id] message`, sorted, then a summary."""
from __future__ import annotations

import os
from typing import TextIO

from contentlint.calendar.report import CalendarReport
from contentlint.result import Result


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _pct(value: float) -> str:
    return f"{value:.0%}"


def write_mix(report: CalendarReport, stream: TextIO) -> None:
    """The stage-mix table of a calendar or feed, its score, band, gate and continuity checkpoints."""
    target = report.target
    stream.write(f"\n{report.calendar.path}: {report.calendar.kind} “{report.calendar.name}”, "
                 f"target {target.name} ({target.description})\n")
    stream.write(f"  {'channel':<14}{'posts':>6}{'pre':>7}{'at':>7}{'post':>7}{'score':>7}\n")
    rows = [("all", report.mix, report.score)]
    if len(report.channel_mixes) > 1:
        rows += [(name, mix, report.channel_score(name)) for name, mix in report.channel_mixes.items()]
    for name, mix, value in rows:
        stream.write(f"  {name:<14}{mix.total:>6}{_pct(mix.share('pre')):>7}{_pct(mix.share('at')):>7}"
                     f"{_pct(mix.share('post')):>7}{value:>7}\n")
    continuity = report.continuity()
    if continuity["checkpoints"]:
        marks = ", ".join(f"{k}: {v}" for k, v in continuity["checkpoints"].items())
        stream.write(f"  insight posts by month from {continuity['start']}: {marks} "
                     f"(span {continuity['days']} days)\n")
    gate = "no gate" if report.fail_under is None else (
        f"gate fail-under {report.fail_under}: {'passed' if report.gate_passed else 'FAILED'}")
    stream.write(f"  mix score {report.score}/100 ({report.band}); {gate}\n")


def write_rewrites(result: Result, stream: TextIO) -> None:
    """Insight-led headlines for every promotional post, with the questions the writer must answer."""
    promotional = [p for p in result.posts if p.rewrites is not None]
    if not promotional:
        return
    stream.write("\nInsight-led rewrites for promotional posts:\n")
    for post in promotional:
        assert post.rewrites is not None
        stream.write(f"  {post.path}:{post.line}: {post.label} “{post.title}”\n")
        for headline in post.rewrites.headlines:
            stream.write(f"    → {headline}\n")
    for lang in sorted({p.lang for p in promotional}):
        questions = next(p.rewrites.questions for p in promotional if p.lang == lang and p.rewrites)
        if questions:
            stream.write(f"  [{lang}] answer first: " + " / ".join(questions) + "\n")


_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}


def _colour(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and "NO_COLOR" not in os.environ


def write_text(result: Result, stream: TextIO) -> None:
    colour = _colour(stream)
    for f in result.findings:
        level = f"{_COLOURS[f.level]}{f.level}\033[0m" if colour else f.level
        stream.write(f"{f.path}:{f.line}:{f.column}: {level} [{f.rule_id}] {f.message}\n")
    write_rewrites(result, stream)
    for report in result.calendars:
        write_mix(report, stream)
    counts = result.counts()
    problems = sum(counts.values())
    summary = (f"{_plural(problems, 'problem')} ({_plural(counts['error'], 'error')}, "
               f"{_plural(counts['warning'], 'warning')}, {_plural(counts['info'], 'info')}) "
               f"in {_plural(result.files, 'file')}, {_plural(len(result.posts), 'post')}")
    stream.write(("\n" if result.findings else "") + summary + "\n")
