"""Run a set of rules on analysed posts and turn hits into findings at file positions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from contentlint import languages
from contentlint.analysis import Analysis
from contentlint.analysis.analyser import Analyser
from contentlint.brief import Brief
from contentlint.checks.messages import format_message, localised
from contentlint.checks.pack import Rule, RuleBook
from contentlint.checks.profile import ChecklistScore, score_id
from contentlint.checks.protocol import Hit, PostChecker
from contentlint.checks.registry import KINDS, scope_of
from contentlint.errors import RuleError
from contentlint.i18n import N_, Text, reason
from contentlint.nlp import pipeline
from contentlint.post import Finding, Post
from contentlint.sources.profile import Profile

if TYPE_CHECKING:
    from contentlint.calendar.scorecard import CalendarReport

UNSUPPORTED_LANGUAGE = "unsupported-language"


class RuleSet:
    """The enabled rules of one effective config, compiled per language on first use, and the analysis step of
    the same config (its packs' cue lexicon and rewrite forms, its brief), which runs before the rules read."""

    def __init__(self, rules: Iterable[Rule], analyser: Analyser | None = None) -> None:
        self.rules = sorted((rule for rule in rules if rule.enabled), key=lambda r: r.id)
        self.analyser = analyser or Analyser()
        self._compiled: dict[str, list[tuple[Rule, PostChecker]]] = {}
        self._calendar_checkers: list[tuple[Rule, Any]] | None = None

    @classmethod
    def from_book(cls, book: RuleBook, brief: Brief | None = None) -> RuleSet:
        return cls(book.rules.values(), Analyser(book.cues, book.rewrites, brief))

    def checkers(self, lang: str) -> list[tuple[Rule, PostChecker]]:
        if lang not in self._compiled:
            has_nlp = pipeline.has_pipeline(lang)
            nlp = pipeline.load(lang) if has_nlp and any(r.needs_doc for r in self.rules) else None
            compiled = []
            for rule in self.rules:
                if scope_of(rule.kind) != "post" or not rule.applies_to(lang) or (rule.needs_doc and not has_nlp):
                    continue
                try:
                    compiled.append((rule, KINDS[rule.kind].compile(rule.params, lang, nlp)))
                except ValueError as exc:
                    raise RuleError(
                        Text(N_("rule `{rule}`: {problem}"), rule=rule.id, problem=reason(exc)),
                        rule.source,
                        rule.line or None,
                    ) from None
            self._compiled[lang] = compiled
        return self._compiled[lang]

    def warm_up(self, lang: str) -> None:
        """Load ``lang``'s pipeline and compile its rules and cue matcher now (before workers are forked)."""
        self.checkers(lang)
        self.analyser.warm_up(lang)

    def lint_calendar(self, report: CalendarReport) -> list[Finding]:
        """Findings of the calendar-level rules: on the calendar file or the feed's folder (no position), each
        naming the entries it is about."""
        from contentlint.calendar.about import describe, message_lang, related

        if self._calendar_checkers is None:
            self._calendar_checkers = [
                (rule, KINDS[rule.kind].compile(rule.params, "*", None))
                for rule in self.rules
                if scope_of(rule.kind) == "calendar"
            ]
        lang = message_lang(report)
        findings = []
        for rule, checker in self._calendar_checkers:
            for hit in checker.check(report):
                message = format_message(rule.message_for(lang), hit.values)
                findings.append(
                    Finding(
                        report.calendar.path,
                        0,
                        0,
                        rule.level,
                        rule.id,
                        message,
                        related=related(hit.about),
                        about=describe(report, hit.about, lang),
                    )
                )
        return findings

    def lint(self, analysis: Analysis) -> list[Finding]:
        post = analysis.post
        findings = []
        if not pipeline.has_pipeline(post.lang):
            findings.append(_unsupported(post))
        channel = post.channel
        p_promotional = analysis.classification.p_promotional if analysis.classification is not None else None
        for rule, checker in self.checkers(post.lang):
            if not rule.applies_to_channel(channel) or not rule.applies_to_group(p_promotional):
                continue
            for hit in checker.check(analysis):
                findings.append(_finding(post, rule, hit))
        return findings


def lint_profile(rules: Iterable[Rule], profile: Profile) -> tuple[list[Finding], list[ChecklistScore]]:
    """Findings of the profile-scope rules (one per point not met, plus the score when any is) and each
    checklist's score."""
    findings: list[Finding] = []
    scores: list[ChecklistScore] = []
    for rule in rules:
        if scope_of(rule.kind) != "profile" or not rule.applies_to(profile.lang):
            continue
        results = list(KINDS[rule.kind].compile(rule.params, profile.lang, None).check(profile))
        total = len(results)
        failed = [r for r in results if not r.met]
        for result in failed:
            values = {
                **result.values,
                "number": result.number,
                "total": total,
                "name": result.name,
                "advice": result.advice,
            }
            where = profile.position_of(result.field)
            findings.append(
                Finding(
                    profile.path,
                    where.line,
                    where.column,
                    rule.level,
                    rule.id,
                    format_message(rule.message_for(profile.lang), values),
                    text=result.id,
                )
            )
        if failed:  # a complete profile is clean, like a post without findings; its score is in the reports
            language = languages.find(profile.lang) or languages.DEFAULT
            separator = language.list_separator
            message = format_message(
                localised(rule.params["score_message"], profile.lang),
                {"score": total - len(failed), "total": total, "missing": separator.join(r.name for r in failed)},
            )
            findings.append(Finding(profile.path, profile.line, 1, "info", score_id(rule.id), message))
        scores.append(ChecklistScore(rule.id, total - len(failed), total, tuple(r.id for r in failed)))
    return findings, scores


def _finding(post: Post, rule: Rule, hit: Hit) -> Finding:
    message = format_message(rule.message_for(post.lang), hit.values)
    text = str(hit.values.get("match", ""))
    if hit.position is not None:
        return Finding(
            hit.path or post.path, hit.position.line, hit.position.column, rule.level, rule.id, message, text=text
        )
    line, column = post.source_map.line_col(hit.start)
    end_line, end_column = post.source_map.end_line_col(hit.end)
    return Finding(post.path, line, column, rule.level, rule.id, message, end_line, end_column, text)


def _unsupported(post: Post) -> Finding:
    where = post.field_positions.get("lang")
    line, column = (where.line, where.column) if where else (post.line, 1)
    return Finding(
        post.path,
        line,
        column,
        "warning",
        UNSUPPORTED_LANGUAGE,
        f"no language pipeline for {post.lang!r} ({post.lang_source}); only language-independent "
        f"rules were run (supported: {', '.join(pipeline.SUPPORTED)})",
        fatal=True,
    )
