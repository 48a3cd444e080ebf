"""`lint_file`: one file in, one FileOutcome out, nothing kept between calls (a run is a map of it)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from contentlint.aggregate import Aggregator
from contentlint.calendar.scorecard import EntryResult
from contentlint.checks.engine import RuleSet
from contentlint.config import Config
from contentlint.outcome import FileJob, FileOutcome, lint_file, lint_files
from contentlint.post import Post
from contentlint.result import Result
from contentlint.run import Runner, RunOptions
from contentlint.sources.target import Target

SALE = "---\ntitle: Spring sale\ndate: 2026-04-0{day}\n---\nEverything is 30% off. Buy now — limited time only!\n"
CALENDAR = (
    "name: April\nentries:\n"
    "  - {date: 2026-04-06, channel: x, title: Spring sale, body: 30% off. Buy now!}\n"
    "  - {date: 2026-04-13, channel: x, title: Last chance, body: Half price. Buy now!}\n"
)


@pytest.fixture(scope="module")
def ruleset() -> RuleSet:
    return Runner(RunOptions(use_config_files=False)).ruleset(Config())


def walked(path: Path, root: Path) -> Target:
    return Target(str(path), path, False, str(root))


def test_a_dated_post_in_a_folder_joins_its_feed_and_may_be_cached(
    write: Callable[..., Path], tmp_path: Path, ruleset: RuleSet
) -> None:
    path = write("a.md", SALE.format(day=6))
    first = lint_file(walked(path, tmp_path), Config(), ruleset)
    again = lint_file(walked(path, tmp_path), Config(), ruleset)
    assert [p.path for p in first.posts] == [str(path)] and first.complete and first.in_feed
    assert [r.entry.path for r in first.feed] == [str(path)]
    assert any(f.rule_id == "hard-sell" for f in first.findings)
    assert (first.findings, first.posts) == (again.findings, again.posts)  # nothing carried between calls
    named = lint_file(Target(str(path), path, True), Config(), ruleset)
    assert not named.in_feed and named.feed == []  # a file named on its own belongs to no folder's feed


def test_a_calendar_is_scored_in_its_own_outcome_and_never_cached(write: Callable[..., Path], ruleset: RuleSet) -> None:
    path = write("plan.yaml", CALENDAR)
    outcome = lint_file(Target(str(path), path, True), Config(), ruleset)
    (report,) = outcome.calendars
    assert len(report.results) == 2 and not outcome.complete and outcome.feed == []
    assert any(not f.positioned and f.path == str(path) for f in outcome.findings)  # the calendar's own findings


def test_errors_are_in_the_outcome_never_raised(write: Callable[..., Path], ruleset: RuleSet) -> None:
    path = write("broken.yaml", "title: x\nbody: [unclosed\n")
    outcome = lint_file(Target(str(path), path, True), Config(fail_level="error"), ruleset)
    ((error, level),) = outcome.errors
    assert error.path == str(path) and level == "error" and outcome.posts == [] and not outcome.complete


def test_the_aggregator_scores_a_feed_across_files_and_applies_suppressions(
    write: Callable[..., Path], tmp_path: Path, ruleset: RuleSet
) -> None:
    a = write("a.md", SALE.format(day=6))
    b = write("b.md", SALE.format(day=7).replace("Everything", "<!-- contentlint-disable hard-sell -->\nEverything"))
    aggregate = Aggregator(Result())
    for path in (a, b):
        aggregate.add(lint_file(walked(path, tmp_path), Config(), ruleset))
    feeds: list[tuple[str, list[EntryResult]]] = []
    result = aggregate.finish(lambda _result, root, entries: feeds.append((root, entries)))
    assert [(root, [r.entry.path for r in entries]) for root, entries in feeds] == [(str(tmp_path), [str(a), str(b)])]
    hard_sell = {f.path for f in result.findings if f.rule_id == "hard-sell"}
    assert hard_sell == {str(a)} and result.files == 2


def test_one_dated_post_is_no_feed(write: Callable[..., Path], tmp_path: Path, ruleset: RuleSet) -> None:
    aggregate = Aggregator(Result())
    aggregate.add(lint_file(walked(write("a.md", SALE.format(day=6)), tmp_path), Config(), ruleset))
    aggregate.add(FileOutcome("skipped.yaml", str(tmp_path), skipped="not content"))
    called: list[str] = []
    result = aggregate.finish(lambda _result, root, _entries: called.append(root))
    assert called == [] and result.skipped == [("skipped.yaml", "not content")]


def test_classify_sees_every_analysis_in_input_order_in_one_process(write: Callable[..., Path], tmp_path: Path) -> None:
    paths = [write(f"p{i}.md", SALE.format(day=i + 1)) for i in range(3)]
    seen: list[str] = []
    result = Runner(RunOptions(use_config_files=False, jobs=2)).run(
        [str(tmp_path)], on_post=lambda analysis, _findings: seen.append(analysis.post.path)
    )
    assert seen == [str(p) for p in paths] and len(result.posts) == 3


def test_lint_files_keeps_input_order_and_passes_ready_outcomes_through(
    write: Callable[..., Path], ruleset: RuleSet
) -> None:
    a, b = write("a.md", SALE.format(day=1)), write("b.md", SALE.format(day=2))
    ready = FileOutcome("cached.md", posts=[], complete=True)
    jobs = [
        FileJob(Target(str(a), a, True), Config(), ruleset),
        ready,
        FileJob(Target(str(b), b, True), Config(), ruleset),
    ]
    outcomes = list(lint_files(jobs))
    assert [o.display for o in outcomes] == [str(a), "cached.md", str(b)] and outcomes[1] is ready
    assert [len(o.posts) for o in outcomes] == [1, 0, 1]


def test_a_post_that_crashes_the_analysis_is_its_own_files_error(
    write: Callable[..., Path], ruleset: RuleSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = write("a.md", SALE.format(day=1)), write("b.md", SALE.format(day=2).replace("Spring", "Boom"))
    from contentlint.analysis.analyser import Analyser

    analyse = Analyser.__call__

    def fragile(self: Analyser, post: Post, doc: object) -> object:
        if post.title.startswith("Boom"):
            raise RuntimeError("boom")
        return analyse(self, post, doc)  # type: ignore[arg-type]

    monkeypatch.setattr(Analyser, "__call__", fragile)
    first, second = lint_files([FileJob(Target(str(p), p, True), Config(), ruleset) for p in (a, b)])
    assert len(first.posts) == 1 and first.errors == [] and first.complete
    ((error, _level),) = second.errors
    assert second.posts == [] and error.path == str(b) and "boom" in error.message and not second.complete
