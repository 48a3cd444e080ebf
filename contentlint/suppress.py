"""Suppression as linter users expect it: inline comments, front matter, per-path config; and a baseline.
The comments are read with the file (`contentlint.sources.comments`); this module applies them to findings.

Markdown:  <!-- contentlint-disable rule-a, rule-b -->  ...  <!-- contentlint-enable rule-a -->
           <!-- contentlint-disable-next-line rule-a -->
YAML:      # contentlint: disable=rule-a,rule-b     (alone on a line: until `enable` or the end of the file;
           # contentlint: enable=rule-a               after code on a line: that line only)
           # contentlint: disable-next-line=rule-a
Front matter:  contentlint: {disable: [rule-a]}     (the whole file)
No rule ids means every rule. Input, config and rule errors are never suppressed. A directive that suppresses
nothing is reported as `unused-suppression`. A calendar's own findings (mix score, streaks ...) are about the whole
file: a `disable` that is never enabled again, or a whole-file one, silences them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from contentlint.errors import ConfigError
from contentlint.fileio import read_regular_text
from contentlint.i18n import N_, Text
from contentlint.post import Finding, fingerprints
from contentlint.sources.comments import ALL, FileSuppressions

UNUSED = "unused-suppression"


def apply(findings: list[Finding], suppressions: dict[str, FileSuppressions]) -> list[Finding]:
    """Findings not covered by a directive, plus an `unused-suppression` warning for each unused directive."""
    kept = []
    for finding in findings:
        file = suppressions.get(finding.path)
        covering = [d for d in file.directives if d.covers(finding)] if file and not finding.fatal else []
        for directive in covering:
            directive.used = True
        if not covering:
            kept.append(finding)
    for file in suppressions.values():
        for d in file.directives:
            if not d.used:
                rules = "every rule" if ALL in d.rules else ", ".join(sorted(d.rules))
                kept.append(
                    Finding(
                        file.path,
                        d.line,
                        d.column,
                        "warning",
                        UNUSED,
                        f"suppression of {rules} is unused: nothing here was reported; remove it",
                    )
                )
    return kept


# -- baseline -------------------------------------------------------------------------------------------------


def write_baseline(path: Path, findings: Iterable[Finding]) -> int:
    entries = [
        {"fingerprint": fp, "path": f.path, "rule": f.rule_id, "line": f.line, "message": f.message}
        for fp, f in fingerprints(f for f in findings if not f.fatal)
    ]
    path.write_text(
        json.dumps(
            {"schema": "contentlint.baseline/1", "findings": entries}, ensure_ascii=False, indent=2, sort_keys=True
        )
        + "\n",
        encoding="utf-8",
    )
    return len(entries)


def read_baseline(path: Path) -> set[str]:
    try:
        data = json.loads(read_regular_text(path))
        return {entry["fingerprint"] for entry in data["findings"]}
    except OSError as exc:
        raise ConfigError(
            Text(N_("cannot read baseline: {problem}"), problem=exc.strerror or str(exc)), str(path)
        ) from None
    except RecursionError:  # json recurses once per level: `[` nested 100,000 deep
        raise ConfigError(Text(N_("not a contentlint baseline: nested too deep")), str(path)) from None
    except (ValueError, KeyError, TypeError) as exc:
        raise ConfigError(Text(N_("not a contentlint baseline: {problem}"), problem=str(exc)), str(path)) from None


def filter_baseline(findings: list[Finding], known: set[str]) -> tuple[list[Finding], int]:
    """(findings that are new, how many were in the baseline)."""
    kept, hidden = [], 0
    for fp, finding in fingerprints(findings):
        if fp in known and not finding.fatal:
            hidden += 1
        else:
            kept.append(finding)
    return kept, hidden
