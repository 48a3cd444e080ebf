from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from contentlint.sourcemap import ProjectionBuilder, Shift, SourceFile, located
from contentlint.sources.markdown import URL, _add_prose, _may_hold_url


def _add_prose_by_pattern(text: str, offsets: list[int], builder: ProjectionBuilder) -> None:
    """The straightforward form of `_add_prose`: every run searched with the pattern."""
    last = 0
    for match in URL.finditer(text):
        if match.start() > last:
            builder.add(text[last : match.start()], located(Shift(7), offsets[last : match.start()]))
        last = match.end()
    if last < len(text):
        builder.add(text[last:], located(Shift(7), offsets[last:]))


# The letters of the URLs' openings in both cases, and the characters IGNORECASE takes for some of them.
_CHARS = st.sampled_from([*"wW.:/hHtTpPsSmMaAiIlLoO xé", "ſ", "İ", "ı", "K", "\n", "、"])
_OPENINGS = st.sampled_from(["www.", "WwW.", "http://", "HTTPſ://", "mailto:"])


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.one_of(_CHARS, _OPENINGS)).map("".join))
def test_a_run_skips_the_url_search_only_when_the_pattern_would_find_nothing(text: str) -> None:
    if URL.search(text):
        assert _may_hold_url(text)
    fast, slow = ProjectionBuilder(), ProjectionBuilder()
    for builder in (fast, slow):
        builder.add_at("\n", 0)  # an empty run must leave the projection ending with a line break
    _add_prose(text, range(3, 3 + len(text)), Shift(7), fast)
    _add_prose_by_pattern(text, list(range(3, 3 + len(text))), slow)
    assert fast.ends_with_newline() == slow.ends_with_newline()
    (fast_text, fast_map), (slow_text, slow_map) = fast.build(SourceFile("x", "")), slow.build(SourceFile("x", ""))
    assert (fast_text, fast_map.offsets) == (slow_text, slow_map.offsets)


def test_only_w_and_W_are_a_w_to_the_url_pattern() -> None:
    # Why `w.` and `W.` are enough to look for: IGNORECASE matches no other character for the `w` of `www.`.
    assert [c for c in map(chr, range(0x110000)) if re.fullmatch("w", c, re.IGNORECASE)] == ["W", "w"]
