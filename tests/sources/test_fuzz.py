"""Property tests: any Markdown post either loads or is refused with an InputError, and every character of
the analysed text maps to a place in the original file holding that same character."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contentlint.errors import InputError
from contentlint.sources.decode import decode
from contentlint.sources.post import markdown_post

WORDS = st.sampled_from(["Buy", "now", "今だけ", "セール", "how", "to", "guide", "é", "😀", "a_b", "x*y", "1."])
INLINE = st.one_of(
    WORDS,
    WORDS.map(lambda w: f"*{w}*"),
    WORDS.map(lambda w: f"**{w}**"),
    WORDS.map(lambda w: f"`{w}`"),
    WORDS.map(lambda w: f"[{w}](https://example.com/{w})"),
    WORDS.map(lambda w: f"![{w}](img/{w}.png)"),
    WORDS.map(lambda w: f"<span>{w}</span>"),
    st.just("https://example.com/path?q=1"),
    st.just("&amp;"),
    st.just("\\*"),
)
LINE = st.lists(INLINE, min_size=0, max_size=8).map(" ".join)
BLOCK = st.one_of(
    LINE,
    LINE.map(lambda line: f"# {line}"),
    LINE.map(lambda line: f"- {line}"),
    LINE.map(lambda line: f"> {line}"),
    LINE.map(lambda line: f"1. {line}"),
    LINE.map(lambda line: f"```\n{line}\n```"),
    LINE.map(lambda line: f"| {line} | x |\n|---|---|\n| y | {line} |"),
    LINE.map(lambda line: f"<div>\n{line}\n</div>"),
)
TITLE = st.one_of(st.none(), WORDS, LINE.filter(lambda t: ":" not in t and "#" not in t))
NEWLINE = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def documents(draw: st.DrawFn) -> str:
    title = draw(TITLE)
    blocks = draw(st.lists(BLOCK, max_size=6))
    head = f"---\ntitle: {title}\n---\n" if title is not None and title.strip() else ""
    return draw(NEWLINE).join((head + "\n\n".join(blocks)).split("\n"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), st.booleans())
def test_projection_maps_back_to_the_original(document: str, bom: bool) -> None:
    data = (b"\xef\xbb\xbf" if bom else b"") + document.encode("utf-8")
    try:
        post = markdown_post(decode(data, "fuzz.md"))
    except InputError as error:
        assert error.path == "fuzz.md"
        return
    source = post.source_map.file.text
    original_lines = document.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    body = post.text[post.body_start :]  # the front-matter title is plain text, taken as written
    assert "https://" not in body and "`" not in body and "<span>" not in body
    for index, char in enumerate(post.text):
        offset = post.source_map.file_offset(index)
        assert 0 <= offset <= len(source)
        line, column = post.source_map.line_col(index)
        assert 1 <= line <= len(original_lines) and 1 <= column <= len(original_lines[line - 1]) + 1
        if char.isspace() or offset >= len(source):
            continue
        assert source[offset] == char or (char == "&" and source.startswith("&amp;", offset)), (
            index,
            char,
            source[offset - 3 : offset + 3],
        )
