from __future__ import annotations

from contentlint.sourcemap import ProjectionBuilder, SourceFile, align


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
    assert align("\\\\", "a\\\\b", 1) == [1, 2]


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
