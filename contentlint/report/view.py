"""The Result as plain data for templates: posts with their findings, highlighted evidence and rewrites."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from contentlint import __version__
from contentlint.result import PostSummary, Result
from contentlint.taxonomy import STAGES

STAGE_NAMES = {"pre": "before purchase", "at": "at purchase", "post": "after purchase"}


def segments(post: PostSummary) -> list[dict[str, Any]]:
    """The excerpt cut into plain and evidence pieces, for highlighting (templates escape every piece)."""
    pieces, last = [], 0
    for start, end, cue in sorted(post.evidence):
        if start < last:
            continue
        if start > last:
            pieces.append({"text": post.excerpt[last:start], "cue": None})
        pieces.append({"text": post.excerpt[start:end], "cue": cue})
        last = end
    if last < len(post.excerpt):
        pieces.append({"text": post.excerpt[last:], "cue": None})
    return pieces


def owns(line: int, post_line: int, post_lines: list[int]) -> bool:
    """Whether a finding on ``line`` belongs to the post starting at ``post_line`` in a file whose posts start at
    ``post_lines``: a file with several posts (a calendar) gives each post the lines up to the next post; the
    first post also takes what comes before it."""
    ordered = sorted(post_lines)
    low = 0 if post_line == ordered[0] else post_line
    high = min((x for x in ordered if x > post_line), default=None)
    return line >= low and (high is None or line < high)


def build_view(result: Result) -> dict[str, Any]:
    by_path: dict[str, list[Any]] = defaultdict(list)
    for finding in result.findings:
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
        calendars.append({
            "report": report, "data": report.to_dict(), "findings": own,
            "timeline": [{"date": r.date.isoformat() if r.date else "", "stage": r.stage, "label": r.label,
                          "channel": r.channel or "", "title": r.entry.post.title if r.entry.post else "",
                          "line": r.entry.line} for r in report.results],
            "span_days": (dated[-1].date - dated[0].date).days if len(dated) > 1 else 0,  # type: ignore[operator]
        })
    posts = []
    for post in result.posts:
        mine = [f for f in by_path.get(post.path, []) if id(f) not in claimed
                and owns(f.line, post.line, starts[post.path])]
        claimed.update(id(f) for f in mine)
        posts.append({"post": post, "segments": segments(post), "findings": mine,
                      "rewrites": post.rewrites.to_dict() if post.rewrites else None})
    profiles = []
    for profile in result.profiles:
        mine = [f for f in by_path.get(profile.path, []) if id(f) not in claimed]
        claimed.update(id(f) for f in mine)
        profiles.append({"profile": profile, "findings": mine})
    other = [f for f in result.findings if id(f) not in claimed]
    counts = result.counts()
    return {"version": __version__, "counts": counts, "problems": sum(counts.values()), "files": result.files,
            "posts": posts, "profiles": profiles, "other_findings": other, "calendars": calendars, "exit_code": result.exit_code(),
            "stages": STAGES, "stage_names": STAGE_NAMES, "rules": result.rules}
