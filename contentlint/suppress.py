"""Suppression as linter users expect it: inline comments, front matter, per-path config; and a baseline.

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
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from contentlint.errors import ConfigError
from contentlint.fileio import read_regular_text
from contentlint.post import Finding, fingerprints

ALL = "*"
UNUSED = "unused-suppression"
# Bounded: an unclosed "<!-- contentlint-disable" repeated 37,000 times made the lazy scan quadratic (minutes).
_MD = re.compile(r"<!--\s{0,20}contentlint-(disable-next-line|disable|enable)\b([^>]{0,1000}?)-->")
_YAML = re.compile(r"#\s*contentlint:\s*(disable-next-line|disable|enable)\b(?:\s*=\s*([\w\s,-]*))?")
_IDS = re.compile(r"[a-z][a-z0-9-]*")


@dataclass(frozen=True, slots=True)
class CommentSyntax:
    """How a format writes suppression comments; each reader names its own (`contentlint.sources.readers`)."""

    name: str
    pattern: re.Pattern[str]  # one directive: group 1 the action, group 2 the rule ids
    # `disable` after other text on a line covers that line only (YAML's `key: value  # contentlint: disable`);
    # otherwise a `disable` opens a block wherever it stands.
    trailing_is_line: bool


MARKDOWN_COMMENTS = CommentSyntax("markdown", _MD, trailing_is_line=False)
YAML_COMMENTS = CommentSyntax("yaml", _YAML, trailing_is_line=True)


@dataclass(slots=True)
class Directive:
    line: int
    column: int
    rules: frozenset[str]
    first: int  # lines covered, inclusive
    last: int
    used: bool = False
    to_end: bool = False  # runs to the end of the file: it also covers findings about the whole file

    def covers(self, finding: Finding) -> bool:
        where = self.to_end if not finding.positioned else self.first <= finding.line <= self.last
        return where and (ALL in self.rules or finding.rule_id in self.rules)


@dataclass(slots=True)
class FileSuppressions:
    path: str
    directives: list[Directive] = field(default_factory=list)

    def add_whole_file(self, rules: Iterable[str], line: int, column: int) -> None:
        self.directives.append(Directive(line, column, frozenset(rules) or frozenset({ALL}), 1, 10**9, to_end=True))


def _rules(text: str | None) -> frozenset[str]:
    found = frozenset(_IDS.findall(text or ""))
    return found or frozenset({ALL})


def scan(path: str, text: str, syntax: CommentSyntax) -> FileSuppressions:
    """Directives in a file's text, written in its format's comment ``syntax``."""
    result = FileSuppressions(path)
    lines = text.split("\n")
    last_line = len(lines)
    open_blocks: dict[str, Directive] = {}
    line_scoped = syntax.trailing_is_line
    for number, line in enumerate(lines, 1):
        for match in syntax.pattern.finditer(line):
            action, rules = match.group(1), _rules(match.group(2))
            column = match.start() + 1
            alone = not line[: match.start()].strip() or (not line_scoped and line.strip() == match.group(0).strip())
            if action == "disable-next-line":
                result.directives.append(Directive(number, column, rules, number + 1, number + 1))
            elif action == "disable":
                if line_scoped and not alone:
                    result.directives.append(Directive(number, column, rules, number, number))
                    continue
                directive = Directive(number, column, rules, number, last_line, to_end=True)
                result.directives.append(directive)
                for rule in rules:
                    open_blocks[rule] = directive
            else:  # enable: close the open blocks for these rules
                for rule in rules if ALL not in rules else list(open_blocks):
                    block = open_blocks.pop(rule, None)
                    if block is not None:
                        block.last, block.to_end = number, False
    return result


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
        raise ConfigError(f"cannot read baseline: {exc.strerror or exc}", str(path)) from None
    except RecursionError:  # json recurses once per level: `[` nested 100,000 deep
        raise ConfigError("not a contentlint baseline: nested too deep", str(path)) from None
    except (ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"not a contentlint baseline: {exc}", str(path)) from None


def filter_baseline(findings: list[Finding], known: set[str]) -> tuple[list[Finding], int]:
    """(findings that are new, how many were in the baseline)."""
    kept, hidden = [], 0
    for fp, finding in fingerprints(findings):
        if fp in known and not finding.fatal:
            hidden += 1
        else:
            kept.append(finding)
    return kept, hidden
