"""The pure core: posts in, findings out. No files, no terminal, no environment."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from contentlint.analysis import Analysis
from contentlint.analysis.docs import OnError, with_docs
from contentlint.post import Finding, Post

if TYPE_CHECKING:
    from contentlint.checks.engine import RuleSet


def lint(
    posts: Iterable[Post], rules_for: Callable[[Post], RuleSet], on_error: OnError = None
) -> Iterator[tuple[Analysis, list[Finding]]]:
    """Analysis and findings per post, in input order, findings sorted by position within each post.

    With ``on_error``, a post that fails (a bug, never the user's fault) is handed to it and the others go on.
    """
    for post, doc in with_docs(posts, on_error=on_error):
        try:
            ruleset = rules_for(post)
            analysis = ruleset.analyser(post, doc)
            findings = sorted(ruleset.lint(analysis), key=Finding.sort_key)
        except Exception as exc:
            if on_error is None:
                raise
            on_error(post, exc)
            continue
        yield analysis, findings
