"""One file's part of a run: `lint_file` reads a target and lints what it holds, and returns a `FileOutcome`.

The function keeps nothing between calls, so a run is a map of it over the targets (in one process or in
workers) followed by the aggregation in `contentlint.aggregate`; the result cache wraps it (`contentlint.run`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, BinaryIO, Callable

from contentlint.calendar.model import Entry, normalise_channel, parse_date
from contentlint.calendar.report import CalendarReport, EntryResult
from contentlint.errors import ConfigError, ContentlintError, FileCrashed, FileSkipped, InputError, RuleError
from contentlint.lint import lint
from contentlint.model import Finding, Post
from contentlint.result import PostSummary, ProfileSummary, RuleInfo
from contentlint.rules.profile import lint_profile, score_id
from contentlint.sources.load import load_target
from contentlint.suppress import FileSuppressions

if TYPE_CHECKING:
    from contentlint.analysis import Analysis
    from contentlint.config import Config
    from contentlint.rules.engine import RuleSet
    from contentlint.sources.discover import Target

ERROR_IDS = {FileSkipped: "file-too-large", InputError: "input-error", ConfigError: "config-error", RuleError: "rule-error",
             FileCrashed: "internal-error"}
OnPost = Callable[["Analysis", "list[Finding]"], None]


def error_id(error: ContentlintError) -> str:
    return next((rule_id for kind, rule_id in ERROR_IDS.items() if isinstance(error, kind)), "input-error")


@dataclass(slots=True)
class FileOutcome:
    """Everything one file adds to a run. ``findings`` count at ``fail_level``; each error carries its own."""

    display: str
    root: str | None = None  # the folder argument the file was found in: its dated posts join that feed
    fail_level: str = "warning"
    posts: list[PostSummary] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    errors: list[tuple[ContentlintError, str | None]] = field(default_factory=list)  # (error, fail level)
    calendars: list[CalendarReport] = field(default_factory=list)
    in_feed: bool = False  # some post of the file is dated: the file belongs to its folder's feed
    feed: list[EntryResult] = field(default_factory=list)
    suppressions: FileSuppressions | None = None
    profiles: list[ProfileSummary] = field(default_factory=list)
    rules: dict[str, RuleInfo] = field(default_factory=dict)
    skipped: str | None = None
    complete: bool = False  # every post was analysed and nothing failed: the outcome may be cached

    def fail(self, error: ContentlintError, fail_level: str | None = None) -> None:
        if error.path is None:
            error.path = self.display
        self.errors.append((error, fail_level))
        self.complete = False


def lint_file(target: Target, config: Config, ruleset: RuleSet, *, data: bytes | None = None,
              stdin: BinaryIO | None = None, target_override: Any = None, keep_excerpts: bool = False,
              on_post: OnPost | None = None) -> FileOutcome:
    """Read ``target`` (``data`` when the caller already holds its bytes) under ``config`` and lint what it holds
    with ``ruleset``. Errors are in the outcome, never raised: a bug on one post is that post's error line.
    ``on_post`` sees each post's analysis and findings as they are made (an editor, `classify`)."""
    outcome = FileOutcome(target.display, target.root, config.fail_level)
    try:
        loaded = load_target(target, config, stdin, target_override, data)
        outcome.skipped = loaded.skipped
        outcome.suppressions = loaded.suppressions
        outcome.complete = loaded.calendar is None and not loaded.errors and bool(loaded.posts)
        for error in loaded.errors:
            outcome.fail(error)
        if loaded.profile is not None:
            _lint_profile(outcome, loaded.profile, ruleset)
        for post in loaded.posts:
            ruleset.checkers(post.lang)  # compile now, so a bad pattern is blamed on this file
            if post.calendar is None and target.root is not None and "date" in post.fields:
                outcome.in_feed = True
    except ContentlintError as error:
        outcome.fail(error, config.fail_level)
        return outcome
    except Exception as exc:  # a bug on this one file must not take the run down
        outcome.fail(FileCrashed.of(exc, target.display))
        return outcome
    entries: list[EntryResult] = []

    def failed(post: Post, exc: Exception) -> None:
        outcome.fail(FileCrashed.of(exc, post.calendar or post.path))

    for analysis, findings in lint(loaded.posts, lambda _post: ruleset, on_error=failed):
        post = analysis.post
        outcome.posts.append(PostSummary.of(analysis, keep_excerpts, findings))
        outcome.findings.extend(findings)
        entry_result = entry_result_of(analysis)
        if entry_result is not None and post.calendar is not None and loaded.calendar is not None:
            entries.append(entry_result)
        elif entry_result is not None and outcome.in_feed and post.calendar is None and "date" in post.fields:
            outcome.feed.append(entry_result)
        if on_post is not None:
            on_post(analysis, findings)
    if loaded.calendar is not None:
        report = CalendarReport(loaded.calendar, entries, fail_under=config.fail_under)
        try:
            outcome.findings.extend(ruleset.lint_calendar(report))
            outcome.calendars.append(report)
        except Exception as exc:  # one calendar's failure is that calendar's error line
            outcome.fail(FileCrashed.of(exc, loaded.calendar.path))
    return outcome


def entry_result_of(analysis: Analysis) -> EntryResult | None:
    """The classified entry of a calendar or feed (posts that could not be classified are left out)."""
    post, c = analysis.post, analysis.classification
    if c is None:
        return None
    try:
        date = parse_date(post.fields.get("date"))
    except ValueError:
        date = None
    entry = Entry(index=post.index, line=post.entry_line or post.line, path=post.calendar or post.path,
                  date=date, channel=normalise_channel(post.fields.get("channel")), post=post)
    return EntryResult(entry, c.label, c.group, c.stage, c.confidence)


def _lint_profile(outcome: FileOutcome, profile: Any, ruleset: RuleSet) -> None:
    """A profile is not a post: only the profile-scope rules run on it. Profiles are never cached (no spaCy
    work to save, and "recent activity" is measured from today unless the file sets `as_of`)."""
    findings, scores = lint_profile(ruleset.rules, profile)
    outcome.findings.extend(findings)
    outcome.profiles.append(ProfileSummary.of(profile, scores))
    for rule in ruleset.rules:
        if any(score.rule_id == rule.id for score in scores):
            outcome.rules.setdefault(score_id(rule.id), RuleInfo(score_id(rule.id), "info", rule.rationale,
                                                                 rule.kind, rule.rationales))
