"""One file's part of a run: `lint_file` reads a target and lints what it holds, and returns a `FileOutcome`.

The function keeps nothing between calls, so a run is a map of it over the targets (in one process or in
workers) followed by the aggregation in `contentlint.aggregate`; the result cache wraps it (`contentlint.run`).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, BinaryIO

from contentlint.calendar.entries import Entry, normalise_channel, parse_date
from contentlint.calendar.scorecard import CalendarReport, EntryResult
from contentlint.errors import ConfigError, ContentlintError, FileCrashed, FileSkipped, InputError, RuleError
from contentlint.lint import lint
from contentlint.post import Finding, Post
from contentlint.result import PostSummary, ProfileSummary, RuleInfo
from contentlint.sources.comments import FileSuppressions

if TYPE_CHECKING:
    from contentlint.analysis import Analysis
    from contentlint.calendar.entries import Calendar
    from contentlint.checks.engine import RuleSet
    from contentlint.config import Config
    from contentlint.sources.target import Target

ERROR_IDS = {
    FileSkipped: "file-too-large",
    InputError: "input-error",
    ConfigError: "config-error",
    RuleError: "rule-error",
    FileCrashed: "internal-error",
}
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


@dataclass(frozen=True, slots=True)
class FileJob:
    """One target to lint under its config and rule set (``data``: its bytes, when the caller already read them)."""

    target: Target
    config: Config
    ruleset: RuleSet
    data: bytes | None = None


def lint_file(
    target: Target,
    config: Config,
    ruleset: RuleSet,
    *,
    data: bytes | None = None,
    stdin: BinaryIO | None = None,
    target_override: Any = None,
    keep_excerpts: bool = False,
    on_post: OnPost | None = None,
) -> FileOutcome:
    """Read ``target`` (``data`` when the caller already holds its bytes) under ``config`` and lint what it holds
    with ``ruleset``. Errors are in the outcome, never raised: a bug on one post is that post's error line.
    ``on_post`` sees each post's analysis and findings as they are made (an editor, `classify`)."""
    return next(
        lint_files(
            [FileJob(target, config, ruleset, data)],
            stdin=stdin,
            target_override=target_override,
            keep_excerpts=keep_excerpts,
            on_post=on_post,
        )
    )


def lint_files(
    jobs: Iterable[FileJob | FileOutcome],
    *,
    stdin: BinaryIO | None = None,
    target_override: Any = None,
    keep_excerpts: bool = False,
    on_post: OnPost | None = None,
) -> Iterator[FileOutcome]:
    """`lint_file` for each job, in order; an outcome already made (a cache hit, a config error) passes through
    in its place. Each outcome depends on its own file only; the posts of consecutive files share spaCy's
    batches (one `nlp.pipe` call per post would cost a tenth more time), and only one batch is held at once."""
    pending: deque[_Pending] = deque()

    def posts() -> Iterator[Post]:
        for job in jobs:
            state = _Pending(job) if isinstance(job, FileOutcome) else _start(job, stdin, target_override)
            pending.append(state)
            yield from state.posts

    def owner(post: Post) -> _Pending:
        # The first file still waiting for this post: its own target (a calendar entry's is the calendar).
        display = post.calendar or post.path
        return next(s for s in pending if s.left and s.outcome.display == display)

    def failed(post: Post, exc: Exception) -> None:
        state = owner(post)
        state.outcome.fail(FileCrashed.of(exc, post.calendar or post.path))
        state.left -= 1

    def rules_for(post: Post) -> RuleSet:
        ruleset = owner(post).ruleset
        assert ruleset is not None  # a file with posts was read under its rule set
        return ruleset

    for analysis, findings in lint(posts(), rules_for, on_error=failed):
        owner(analysis.post).add(analysis, findings, keep_excerpts)
        if on_post is not None:
            on_post(analysis, findings)
        while pending and not pending[0].left:
            yield pending.popleft().finish()
    while pending:
        yield pending.popleft().finish()


class _Pending:
    """A file whose posts are being analysed: what it has gathered, and how many posts are still to come."""

    __slots__ = ("calendar", "config", "entries", "left", "outcome", "posts", "ruleset")

    def __init__(
        self,
        outcome: FileOutcome,
        ruleset: RuleSet | None = None,
        config: Config | None = None,
        posts: list[Post] | None = None,
        calendar: Calendar | None = None,
    ) -> None:
        self.outcome, self.ruleset, self.config = outcome, ruleset, config
        self.posts = posts or []
        self.left = len(self.posts)
        self.calendar = calendar
        self.entries: list[EntryResult] = []

    def add(self, analysis: Analysis, findings: list[Finding], keep_excerpts: bool) -> None:
        post, outcome = analysis.post, self.outcome
        outcome.posts.append(PostSummary.of(analysis, keep_excerpts, findings))
        outcome.findings.extend(findings)
        entry_result = entry_result_of(analysis)
        if entry_result is not None and post.calendar is not None and self.calendar is not None:
            self.entries.append(entry_result)
        elif entry_result is not None and outcome.in_feed and post.calendar is None and "date" in post.fields:
            outcome.feed.append(entry_result)
        self.left -= 1

    def finish(self) -> FileOutcome:
        """The outcome, with its calendar scored on the entries that were classified."""
        outcome = self.outcome
        if self.calendar is not None and self.ruleset is not None and self.config is not None:
            report = CalendarReport(self.calendar, self.entries, fail_under=self.config.fail_under)
            try:
                outcome.findings.extend(self.ruleset.lint_calendar(report))
                outcome.calendars.append(report)
            except Exception as exc:  # one calendar's failure is that calendar's error line
                outcome.fail(FileCrashed.of(exc, self.calendar.path))
        return outcome


def _start(job: FileJob, stdin: BinaryIO | None, target_override: Any) -> _Pending:
    """Read the job's file: its posts wait for analysis; a profile is linted now; errors end the file here."""
    from contentlint.sources.load import load_target  # a result-cache hit reads no file

    target, config, ruleset = job.target, job.config, job.ruleset
    outcome = FileOutcome(target.display, target.root, config.fail_level)
    try:
        loaded = load_target(target, config, stdin, target_override, job.data)
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
        return _Pending(outcome)
    except Exception as exc:  # a bug on this one file must not take the run down
        outcome.fail(FileCrashed.of(exc, target.display))
        return _Pending(outcome)
    return _Pending(outcome, ruleset, config, loaded.posts, loaded.calendar)


def entry_result_of(analysis: Analysis) -> EntryResult | None:
    """The classified entry of a calendar or feed (posts that could not be classified are left out)."""
    post, c = analysis.post, analysis.classification
    if c is None:
        return None
    try:
        date = parse_date(post.fields.get("date"))
    except ValueError:
        date = None
    entry = Entry(
        index=post.index,
        line=post.entry_line or post.line,
        path=post.calendar or post.path,
        date=date,
        channel=normalise_channel(post.fields.get("channel")),
        post=post,
    )
    return EntryResult(entry, c.label, c.group, c.stage, c.confidence)


def _lint_profile(outcome: FileOutcome, profile: Any, ruleset: RuleSet) -> None:
    """A profile is not a post: only the profile-scope rules run on it. Profiles are never cached (no spaCy
    work to save, and "recent activity" is measured from today unless the file sets `as_of`)."""
    from contentlint.checks.engine import lint_profile
    from contentlint.checks.profile import score_id

    findings, scores = lint_profile(ruleset.rules, profile)
    outcome.findings.extend(findings)
    outcome.profiles.append(ProfileSummary.of(profile, scores))
    for rule in ruleset.rules:
        if any(score.rule_id == rule.id for score in scores):
            outcome.rules.setdefault(
                score_id(rule.id), RuleInfo(score_id(rule.id), "info", rule.rationale, rule.kind, rule.rationales)
            )
