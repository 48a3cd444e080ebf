from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from contentlint.sourcemap import ProjectionBuilder, Shift, SourceFile, _escape, align, located


def test_line_col_counts_characters_not_bytes() -> None:
    file = SourceFile("x", "abc\n日本語テキスト\nz")
    assert file.line_col(0) == (1, 1)
    assert file.line_col(4) == (2, 1)
    assert file.line_col(6) == (2, 3)
    assert file.line_col(len(file.text) - 1) == (3, 1)


def test_align_skips_markup_the_parser_removed() -> None:
    source = 'title: "Say \\"hi\\" now"'
    value = 'Say "hi" now'
    offsets = align(value, source, source.index('"') + 1)
    assert "".join(source[o] for o in offsets) == value


def test_align_places_a_character_on_the_yaml_escape_that_wrote_it() -> None:
    # Hypothesis found it: "😀\\😀" dumped as "\\U0001F600\\\\\\U0001F600"; the second emoji landed on the `U`.
    source = 'body: "\\U0001F600\\\\\\U0001F600 \\xe9t\\u00e9"'
    value = "😀\\😀 été"
    offsets = align(value, source, source.index('"') + 1, quoted=True)
    assert [source[o] for o in offsets] == ["\\", "\\", "\\", " ", "\\", "t", "\\"]
    assert offsets[0] < offsets[1] < offsets[2] < offsets[4] < offsets[6]
    assert align("x", '"\\u00e9x', 1, quoted=True) == [7]  # an escape of another character is skipped, not taken
    # outside a double-quoted scalar a backslash is itself
    assert list(align("\\\\", "a\\\\b", 1)) == [1, 2]


def test_builder_rejects_mismatched_offsets() -> None:
    builder = ProjectionBuilder()
    try:
        builder.add("abc", [0, 1])
    except ValueError:
        pass
    else:  # pragma: no cover
        raise AssertionError("expected ValueError")


def test_end_position_is_exclusive() -> None:
    file = SourceFile("x", "hello world")
    builder = ProjectionBuilder()
    builder.add("world", range(6, 11))
    _text, source_map = builder.build(file)
    assert source_map.line_col(0) == (1, 7)
    assert source_map.end_line_col(5) == (1, 12)


def _align_one_by_one(value: str, source: str, start: int, end: int | None = None, quoted: bool = False) -> list[int]:
    """The straightforward form of `align`: the value where it stands whole, else one step per character."""
    limit = len(source) if end is None else min(end, len(source))
    if start + len(value) <= limit and source.startswith(value, start):
        return list(range(start, start + len(value)))
    offsets: list[int] = []
    pos = start
    for char in value:
        escape = _escape(source, pos, limit, char) if quoted else 0
        if escape:
            offsets.append(pos)
            pos += escape
        elif pos < limit and source[pos] == char:
            offsets.append(pos)
            pos += 1
        elif char.isspace():
            offsets.append(min(pos, max(limit - 1, start)))
        else:
            found = source.find(char, pos, min(limit, pos + 64))
            offsets.append(found if found != -1 else min(pos, max(limit - 1, start)))
            pos = found + 1 if found != -1 else pos
    return offsets


# Few characters, so values and sources share runs, markup, escapes and mismatches.
_CHARS = st.sampled_from(["a", "b", " ", "\n", "*", "\\", "x", "u", "0", "9", "e", "é", "😀", '"', "-", "["])
_TEXT = st.lists(_CHARS, max_size=40).map("".join)


@settings(max_examples=1500, deadline=None)
@given(_TEXT, _TEXT, _TEXT, st.integers(0, 45), st.one_of(st.none(), st.integers(0, 90)), st.booleans())
def test_align_equals_its_one_by_one_form(
    value: str, before: str, after: str, start: int, end: int | None, quoted: bool
) -> None:
    # the value stands in the source after some markup, or partly, or not at all
    for source in (before + value + after, before + value[: len(value) // 2] + after + value, before + after):
        assert list(align(value, source, start, end, quoted)) == _align_one_by_one(value, source, start, end, quoted)


def test_align_places_long_values_with_breaks_as_one_by_one() -> None:
    # a folded YAML body: every line's indentation is a break in a run of thousands of characters
    lines = [f"line {n} " + "word " * (n % 50) for n in range(400)]
    value = " ".join(lines)
    source = "body: >\n" + "".join(f"  {line}\n" for line in lines)
    assert list(align(value, source, 8)) == _align_one_by_one(value, source, 8)
    assert list(align(value, source, 8, quoted=True)) == _align_one_by_one(value, source, 8, quoted=True)


def test_align_gives_a_range_for_a_run_that_stands_whole() -> None:
    assert align("Buy now", "Buy now!", 0) == range(0, 7)
    assert align("Buy now", "- **Buy now** today", 0) == range(4, 11)  # after the markup that opened it
    assert located(Shift(100), align("Buy now", "**Buy now**", 0)) == range(102, 109)
    assert located(lambda offset: offset * 2, range(1, 3)) == [2, 4]


def test_builder_takes_offsets_as_any_iterable() -> None:
    builders = [ProjectionBuilder() for _ in range(4)]
    for builder, offsets in zip(builders, ([4, 5, 6], range(4, 7), (4, 5, 6), iter([4, 5, 6])), strict=True):
        builder.add("abc", offsets)
        builder.add_at("\n\n", 9)
    built = [builder.build(SourceFile("x", "")) for builder in builders]
    assert {(text, tuple(source_map.offsets)) for text, source_map in built} == {("abc\n\n", (4, 5, 6, 9, 9))}
