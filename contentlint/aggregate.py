"""Fold file outcomes, in input order, into one Result: posts and findings, calendars and profiles, the feeds
that span files (a folder's dated posts), and the suppressions applied once every finding is in."""

from __future__ import annotations

from collections.abc import Callable

from contentlint.calendar.scorecard import EntryResult
from contentlint.outcome import FileOutcome, error_id
from contentlint.result import Result
from contentlint.sources.comments import FileSuppressions
from contentlint.suppress import apply as apply_suppressions

FinishFeed = Callable[[Result, str, list[EntryResult]], None]  # (result, folder, entries): scores one feed


class Aggregator:
    def __init__(self, result: Result) -> None:
        self.result = result
        self.feeds: dict[str, list[EntryResult]] = {}  # folder argument -> its dated posts, in input order
        self.suppressions: dict[str, FileSuppressions] = {}

    def add(self, outcome: FileOutcome) -> None:
        result = self.result
        result.files += 1
        if outcome.skipped is not None:
            result.skipped.append((outcome.display, outcome.skipped))
        if outcome.suppressions is not None and outcome.suppressions.directives:
            self.suppressions[outcome.suppressions.path] = outcome.suppressions
        for error, fail_level in outcome.errors:
            result.add_error(error, error_id(error), fail_level)
        result.posts.extend(outcome.posts)
        result.add(outcome.findings, outcome.fail_level)
        result.calendars.extend(outcome.calendars)
        result.profiles.extend(outcome.profiles)
        for rule_id, info in outcome.rules.items():
            result.rules.setdefault(rule_id, info)
        if outcome.in_feed and outcome.root is not None:
            self.feeds.setdefault(outcome.root, []).extend(outcome.feed)

    def finish(self, finish_feed: FinishFeed) -> Result:
        """Score each feed of two or more posts, then apply the suppressions to every finding."""
        for root, entries in sorted(self.feeds.items()):
            if len(entries) >= 2:
                finish_feed(self.result, root, entries)
        self.result.findings = apply_suppressions(self.result.findings, self.suppressions)
        return self.result
