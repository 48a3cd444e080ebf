"""How a calendar's or feed's finding names the posts it is about."""

from __future__ import annotations

import datetime as dt

from contentlint.calendar.about import describe, related
from contentlint.calendar.entries import Calendar, Entry
from contentlint.calendar.mix import PRESETS
from contentlint.calendar.scorecard import CalendarReport, EntryResult


def _report(path: str, entries: list[tuple[str, int]]) -> CalendarReport:
    results = [
        EntryResult(Entry(i, line, file, dt.date(2026, 1, 1 + i), "x"), "sale", "promotional", "at", 0.9)
        for i, (file, line) in enumerate(entries)
    ]
    return CalendarReport(Calendar(path, path, "feed", PRESETS["80-20"]), results)


def test_a_feed_names_its_posts_relative_to_its_folder_and_cuts_a_long_list() -> None:
    report = _report("blog/", [(f"blog/p{i:02d}.md", 2) for i in range(11)])
    assert describe(report, report.results[:2], "en") == "(posts: p00.md, p01.md)"
    assert describe(report, report.results[:1], "en") == "(post: p00.md)"
    assert (
        describe(report, report.results, "en")
        == "(posts: p00.md, p01.md, p02.md, p03.md, p04.md, p05.md, p06.md, p07.md and 3 more)"
    )
    assert describe(report, report.results[:2], "ja") == "（対象の投稿：p00.md、p01.md）"
    assert describe(report, [], "en") == ""
    assert [(r.path, r.line) for r in related(report.results[:2])] == [("blog/p00.md", 2), ("blog/p01.md", 2)]


def test_a_calendar_names_its_entries_by_line() -> None:
    report = _report("cal.yaml", [("cal.yaml", 4), ("cal.yaml", 9)])
    assert describe(report, report.results, "en") == "(entries at lines 4, 9)"
    assert describe(report, report.results, "zh") == "（相关条目：第4, 9行）"
    assert describe(report, report.results, "fr") == "(entries at lines 4, 9)"  # other languages: English
