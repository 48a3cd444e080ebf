"""Suppression comments as each input format writes them, read while a file is read (the suppression layer,
`contentlint.suppress`, applies them to findings).

Markdown:  <!-- contentlint-disable rule-a, rule-b -->  ...  <!-- contentlint-enable rule-a -->
           <!-- contentlint-disable-next-line rule-a -->
YAML:      # contentlint: disable=rule-a,rule-b     (alone on a line: until `enable` or the end of the file;
           # contentlint: enable=rule-a               after code on a line: that line only)
           # contentlint: disable-next-line=rule-a
Front matter:  contentlint: {disable: [rule-a]}     (the whole file)
No rule ids means every rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from contentlint.post import Finding

ALL = "*"
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
