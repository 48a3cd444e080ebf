"""Path globs: `**/` folds, and matching time is bounded by pattern x path for any pattern."""

from __future__ import annotations

import pytest

from contentlint.globs import matches
from tests.helpers import finishes_within


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("**/**/**/*.md", "a/b/c.md", True),
        ("**/**/**/*.md", "c.md", True),
        ("a/**/**/b/*.md", "a/b/x.md", True),
        ("a/**/**/b/*.md", "a/x/y/b/z.md", True),
        ("a/**/**/b/*.md", "a/x/y/c/z.md", False),
        ("a/*b*b*b/c", "a/xbybzb/c", True),
        ("a/*b*b*b/c", "a/xbybz/c", False),
    ],
)
def test_repeated_stars_still_match_what_they_say(pattern: str, path: str, expected: bool) -> None:
    assert matches(pattern, path) is expected


def test_a_pathological_pattern_is_linear() -> None:
    # A backtracking regex for `**/` x 30 against 40 folders that never match the tail took forever.
    pattern = "**/" * 30 + "*a*a*a*a*a*a*a*a*a*a*a*a*b/x.md"
    path = "/".join(["a" * 40] * 40) + "/y.md"
    assert finishes_within(20, lambda: matches(pattern, path)) is False
