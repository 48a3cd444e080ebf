"""One Result per run: what every reporter receives."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from contentlint.calendar.scorecard import CalendarReport
from contentlint.errors import ContentlintError, FileSkipped
from contentlint.post import LEVEL_RANK, LEVELS, Finding, Post
from contentlint.rewrite.rewrites import Rewrites
from contentlint.version import __version__

if TYPE_CHECKING:  # named in annotations only: a result read back from the cache never imports them
    from contentlint.analysis import Analysis
    from contentlint.checks.profile import ChecklistScore
    from contentlint.sources.profile import Profile

EXCERPT_CHARS = 1200
GATES = ("all", "mix", "findings")  # what makes the exit code 1


def finding_marks(post: Post, length: int, findings: Sequence[Finding]) -> tuple[tuple[int, int, int, int], ...]:
    """Where, in the first ``length`` characters of the post's text, each finding's span lies: the text offsets
    whose file positions are the finding's start and end (through the source map, never by searching for the
    quoted words). Findings outside the text (front matter fields, other files) have no mark."""
    spans = [f for f in findings if f.path == post.path and f.end_line is not None and f.end_column is not None]
    if not spans or length == 0:
        return ()
    starts: dict[tuple[int, int], int] = {}
    ends: dict[tuple[int, int], int] = {}
    for index in range(length):
        starts.setdefault(post.source_map.line_col(index), index)
        ends[post.source_map.end_line_col(index + 1)] = index + 1
    marks = set()
    for f in spans:
        start, end = starts.get((f.line, f.column)), ends.get((f.end_line, f.end_column))  # type: ignore[arg-type]
        if start is not None and end is not None and start < end:
            marks.add((start, end, f.line, f.column))
    return tuple(sorted(marks))


@dataclass(frozen=True, slots=True)
class RuleInfo:
    id: str
    level: str
    rationale: str
    kind: str
    rationales: Mapping[str, str] = field(default_factory=dict)  # language -> rationale, where the pack has one
    page: str | None = None  # the rule's page on the team's docs site (config `docs_url`), for shipped rules


@dataclass(frozen=True, slots=True)
class PostSummary:
    path: str
    line: int
    title: str
    lang: str
    label: str | None = None
    group: str | None = None
    stage: str | None = None
    confidence: float | None = None
    rewrites: Rewrites | None = None
    excerpt: str = ""  # the start of the analysed text, for reports
    evidence: tuple[tuple[int, int, str], ...] = ()  # (start, end, cue set) inside ``excerpt``
    # (start, end, line, column) inside ``excerpt`` of each finding on the post's text, so that reports can
    # highlight the phrases that findings quote; a finding is matched by its line and column in the file.
    marks: tuple[tuple[int, int, int, int], ...] = ()

    @classmethod
    def of(cls, analysis: Analysis, keep_excerpt: bool = True, findings: Sequence[Finding] = ()) -> PostSummary:
        """The post's summary; without ``keep_excerpt`` (reports that show no post text) memory stays flat."""
        post, c = analysis.post, analysis.classification
        if c is None:
            return cls(post.path, post.line, post.title, post.lang)
        excerpt = post.text[:EXCERPT_CHARS] if keep_excerpt else ""
        evidence = tuple((m.start, m.end, m.cue_set) for m in c.evidence if m.end <= len(excerpt))
        return cls(
            post.path,
            post.line,
            post.title,
            post.lang,
            c.label,
            c.group,
            c.stage,
            c.confidence,
            analysis.rewrites,
            excerpt,
            evidence,
            finding_marks(post, len(excerpt), findings),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "title": self.title,
            "lang": self.lang,
            "label": self.label,
            "group": self.group,
            "stage": self.stage,
            "confidence": self.confidence,
            "rewrites": self.rewrites.to_dict() if self.rewrites else None,
        }


@dataclass(frozen=True, slots=True)
class ProfileSummary:
    """A LinkedIn profile and its score against each checklist rule that ran on it."""

    path: str
    line: int
    name: str
    lang: str
    scores: tuple[ChecklistScore, ...] = ()

    @classmethod
    def of(cls, profile: Profile, scores: list[ChecklistScore]) -> ProfileSummary:
        return cls(profile.path, profile.line, profile.name, profile.lang, tuple(scores))

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "name": self.name,
            "lang": self.lang,
            "checklists": [s.to_dict() for s in self.scores],
        }


@dataclass(slots=True)
class Result:
    findings: list[Finding] = field(default_factory=list)
    posts: list[PostSummary] = field(default_factory=list)
    files: int = 0
    fail_levels: dict[str, str] = field(default_factory=dict)  # path -> fail level of the config governing it
    baselined: int = 0  # findings hidden because the baseline knows them
    calendars: list[CalendarReport] = field(default_factory=list)
    rules: dict[str, RuleInfo] = field(default_factory=dict)  # every rule that ran, for SARIF and reports
    profiles: list[ProfileSummary] = field(default_factory=list)
    gate: str = "all"  # what fails the run: "all", only the "mix" scores, or only the "findings"
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why): files that hold no post

    def add_error(self, error: ContentlintError, rule_id: str, fail_level: str | None = None) -> None:
        skipped = isinstance(error, FileSkipped)  # over a limit: a warning, not an input error
        path = error.path or "<unknown>"
        if skipped and fail_level is not None:
            self.fail_levels.setdefault(path, fail_level)
        finding = Finding(
            path,
            error.line or 1,
            error.column or 1,
            "warning" if skipped else "error",
            rule_id,
            error.message,
            fatal=not skipped,
        )
        if finding not in self.findings:
            self.findings.append(finding)

    def add(self, findings: list[Finding], fail_level: str) -> None:
        for finding in findings:
            self.findings.append(finding)
            self.fail_levels.setdefault(finding.path, fail_level)

    @property
    def failing(self) -> int:
        """Findings at or above the fail level of the config that governs their file."""
        return sum(
            1
            for f in self.findings
            if not f.fatal and LEVEL_RANK[f.level] >= LEVEL_RANK[self.fail_levels.get(f.path, "warning")]
        )

    def finish(self) -> Result:
        # A post linted on its own and again as a calendar entry (`file:`) yields the same findings twice.
        self.findings = sorted(set(self.findings), key=Finding.sort_key)
        # Posts in file order; cached files are replayed before analysed ones, so arrival order is not stable.
        self.posts.sort(key=lambda p: (p.path, p.line, p.title, p.label or ""))
        # A post read on its own and again through a calendar's `file:` entry is one post.
        first: dict[tuple[str, int, str], PostSummary] = {}
        for post in self.posts:
            first.setdefault((post.path, post.line, post.title), post)
        self.posts = list(first.values())
        self.calendars.sort(key=lambda c: (c.calendar.kind, c.calendar.path))
        self.profiles.sort(key=lambda p: p.path)
        self.skipped.sort()
        return self

    @property
    def has_fatal(self) -> bool:
        return any(f.fatal for f in self.findings)

    def exit_code(self) -> int:
        """2: input/config/rule errors; 1: findings at or above the fail level, or a calendar or feed under its
        `fail_under` (only the one or the other with `gate` "findings" or "mix"); 0: clean."""
        if self.has_fatal:
            return 2
        findings_fail = self.gate != "mix" and bool(self.failing)
        mix_fails = self.gate != "findings" and any(not c.gate_passed for c in self.calendars)
        return 1 if findings_fail or mix_fails else 0

    def counts(self) -> dict[str, int]:
        counts = {level: 0 for level in LEVELS}
        for finding in self.findings:
            counts[finding.level] += 1
        return counts

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "contentlint.check/3",
            "version": __version__,
            "summary": {"files": self.files, "posts": len(self.posts), **self.counts(), "exit_code": self.exit_code()},
            "findings": [f.to_dict() for f in self.findings],
            "posts": [p.to_dict() for p in self.posts],
            "calendars": [c.to_dict() for c in self.calendars],
            "profiles": [p.to_dict() for p in self.profiles],
        }
