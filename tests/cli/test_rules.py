"""`contentlint rules`: a table whose columns line up whatever the length of ids, kinds and languages."""

from __future__ import annotations

import re
from dataclasses import replace

from contentlint.cli.rules import effective_rules, rule_table
from tests.helpers import run


def _column_starts(lines: list[str]) -> set[tuple[int, ...]]:
    """Where the level, kind, languages and summary columns start on each line."""
    starts = set()
    for line in lines:
        cells = list(re.finditer(r"\S+(?: \S+)*", line))  # cells are separated by two or more spaces
        starts.add(tuple(cell.start() for cell in cells[1:5]))
    return starts


def test_columns_line_up_in_the_real_table() -> None:
    code, out, _ = run(["rules", "--no-config"])
    assert code == 0
    assert len(_column_starts(out.splitlines())) == 1, out


def test_a_long_kind_name_widens_its_column_instead_of_pushing_the_row() -> None:
    _config, rules = effective_rules(None, True)
    ordered = sorted(rules.values(), key=lambda r: r.id)
    ordered[0] = replace(ordered[0], kind="a-kind-name-much-longer-than-any-shipped-one")
    lines = rule_table(ordered)
    assert len(_column_starts(lines)) == 1, "\n".join(lines)
    kind_column = lines[1].index(ordered[1].kind, len(ordered[1].id))
    assert kind_column == lines[0].index("a-kind-name-much")
