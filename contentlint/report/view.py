"""The Result as plain data for templates: posts with their findings, highlighted evidence and rewrites."""

from __future__ import annotations

import gettext
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise
from typing import Any

from contentlint.calendar.about import message_lang
from contentlint.i18n import DEFAULT, translations
from contentlint.post import Finding
from contentlint.report.words import names, target_description
from contentlint.result import PostSummary, Result
from contentlint.taxonomy import STAGES
from contentlint.version import __version__


def segments(post: PostSummary, findings: Sequence[Finding] = ()) -> list[dict[str, Any]]:
    """The excerpt cut into pieces for highlighting: each piece has the classifier's evidence ``cue`` covering it
    (or None) and ``hit``, the rule of a finding whose phrase covers it (or None). Templates escape every piece."""
    at = {(f.line, f.column): f.rule_id for f in findings if f.text}  # findings that quote words of the text
    hits = [(start, end, at[(line, column)]) for start, end, line, column in post.marks if (line, column) in at]
    spans = [(start, end) for start, end, _ in post.evidence] + [(start, end) for start, end, _ in hits]
    cuts = sorted({0, len(post.excerpt), *(x for span in spans for x in span if 0 <= x <= len(post.excerpt))})
    pieces: list[dict[str, Any]] = []
    for start, end in pairwise(cuts):
        cue = next((c for s, e, c in sorted(post.evidence) if s <= start and end <= e), None)
        hit = next((r for s, e, r in hits if s <= start and end <= e), None)
        if pieces and pieces[-1]["cue"] == cue and pieces[-1]["hit"] == hit:
            pieces[-1]["text"] += post.excerpt[start:end]
        else:
            pieces.append({"text": post.excerpt[start:end], "cue": cue, "hit": hit})
    return pieces


def grouped(findings: Sequence[Finding]) -> list[dict[str, Any]]:
    """Findings of one rule at one level, as one entry: the first finding's message, how many there are, and
    every finding (its place and quoted words), in the order they first occur. People read one message with a
    count instead of the same long message once per phrase; machine formats keep one finding per match."""
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for f in findings:
        group = groups.setdefault(
            (f.rule_id, f.level),
            {"rule_id": f.rule_id, "level": f.level, "message": f.message, "first": f, "findings": []},
        )
        group["findings"].append(f)
    for group in groups.values():
        group["count"] = len(group["findings"])
        group["phrases"] = list(dict.fromkeys(f.text for f in group["findings"] if f.text))
    return list(groups.values())


def owns(line: int, post_line: int, post_lines: list[int]) -> bool:
    """Whether a finding on ``line`` belongs to the post starting at ``post_line`` in a file whose posts start at
    ``post_lines``: a file with several posts (a calendar) gives each post the lines up to the next post; the
    first post also takes what comes before it."""
    ordered = sorted(post_lines)
    low = 0 if post_line == ordered[0] else post_line
    high = min((x for x in ordered if x > post_line), default=None)
    return line >= low and (high is None or line < high)


def _in_language(finding: Finding, catalogue: gettext.NullTranslations) -> Finding:
    """An input error's message in the interface language where the catalogue has it (finding messages follow the
    post's language, but an input error has no post, or one in a language we cannot read)."""
    if not finding.fatal or not finding.message:  # gettext("") is the catalogue's header
        return finding
    message = catalogue.gettext(finding.message)
    return finding if message == finding.message else replace(finding, message=message)


def build_view(result: Result, language: str = DEFAULT) -> dict[str, Any]:
    """The template data; ``language`` is the interface language of the names (stages, levels ...) and of the
    rules' explanations."""
    catalogue = translations(language)
    findings = [_in_language(f, catalogue) for f in result.findings]
    by_path: dict[str, list[Any]] = defaultdict(list)
    for finding in findings:
        by_path[finding.path].append(finding)
    starts: dict[str, list[int]] = defaultdict(list)
    for post in result.posts:
        starts[post.path].append(post.line)
    claimed: set[int] = set()
    calendars = []
    for report in result.calendars:
        # A calendar's or feed's own findings (no position) go in its section, never on one of its posts.
        own = [f for f in by_path.get(report.calendar.path, []) if not f.positioned and id(f) not in claimed]
        claimed.update(id(f) for f in own)
        dated = report.dated()
        calendars.append(
            {
                "report": report,
                "data": report.to_dict(),
                "findings": own,
                "lang": message_lang(report),
                "timeline": [
                    {
                        "date": r.date.isoformat() if r.date else "",
                        "stage": r.stage,
                        "label": r.label,
                        "channel": r.channel or "",
                        "title": r.entry.post.title if r.entry.post else "",
                        "line": r.entry.line,
                    }
                    for r in report.results
                ],
                "span_days": (dated[-1].date - dated[0].date).days if len(dated) > 1 else 0,  # type: ignore[operator]
            }
        )
    posts = []
    for post in result.posts:
        mine = [
            f for f in by_path.get(post.path, []) if id(f) not in claimed and owns(f.line, post.line, starts[post.path])
        ]
        claimed.update(id(f) for f in mine)
        posts.append(
            {
                "post": post,
                "segments": segments(post, mine),
                "findings": mine,
                "groups": grouped(mine),
                "rewrites": post.rewrites.to_dict() if post.rewrites else None,
            }
        )
    profiles = []
    for profile in result.profiles:
        mine = [f for f in by_path.get(profile.path, []) if id(f) not in claimed]
        claimed.update(id(f) for f in mine)
        profiles.append({"profile": profile, "findings": mine, "groups": grouped(mine)})
    other = [f for f in findings if id(f) not in claimed]
    counts = result.counts()
    shown = names(catalogue)
    # Why each rule exists, in the interface language: a pack's own translation, else our catalogue's (the
    # built-in rules), else as written (then marked as English, or whatever language the pack wrote it in).
    why = {}
    for rule_id, info in result.rules.items():
        text = info.rationales.get(language) or catalogue.gettext(info.rationale)
        why[rule_id] = {
            "text": text,
            "lang": language
            if text != info.rationale or language == DEFAULT
            else next((k for k, v in info.rationales.items() if v == text), DEFAULT),
        }
    return {
        "version": __version__,
        "ui_lang": language,
        "names": shown,
        "counts": counts,
        "problems": sum(counts.values()),
        "files": result.files,
        "findings": findings,
        "posts": posts,
        "profiles": profiles,
        "other_findings": other,
        "other_groups": grouped(other),
        "calendars": calendars,
        "exit_code": result.exit_code(),
        "stages": STAGES,
        "stage_names": shown["stage_names"],
        "rules": result.rules,
        "why": why,
        "target_description": lambda target: target_description(target, catalogue),
    }
