"""Where a rule is documented for a reader who follows a link: its page on the team's copy of the docs site for
the rules shipped with contentlint (the site has a page per shipped rule, `rules/<rule-id>/`), else nothing."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import quote

from contentlint.packfiles import default_pack_files


def rule_page(rule_id: str, source: str, docs_url: str | None) -> str | None:
    """``<docs_url>/rules/<rule-id>/`` for a rule defined in a shipped pack; None without a docs site or for a
    rule a team's own pack defines (or redefines: the site describes the shipped one)."""
    if not docs_url or not source or Path(source).resolve() not in _shipped():
        return None
    return f"{docs_url.rstrip('/')}/rules/{quote(rule_id, safe='')}/"


@cache
def _shipped() -> frozenset[Path]:
    return frozenset(path.resolve() for path in default_pack_files())
