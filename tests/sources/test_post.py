from __future__ import annotations

import pytest

from contentlint.errors import InputError
from contentlint.post import Position, Post
from contentlint.sources.decode import decode
from contentlint.sources.post import markdown_post, yaml_post
from tests.helpers import post_from


def at(post: Post, needle: str) -> Position:
    """Where the first occurrence of ``needle`` in the analysed text sits in the original file."""
    return post.position(post.text.index(needle))


def line_col_in_source(source: str, needle: str) -> Position:
    index = source.index(needle)
    line = source.count("\n", 0, index) + 1
    return Position(line, index - (source.rfind("\n", 0, index) + 1) + 1)


MARKDOWN = """---
title: "Buy now: the \\"new\\" planner"
channel: blog
---
# Plan *your* week

Read [the guide](https://example.com/buy-now-guide "Buy now") and `buy_now()` at https://example.com/x,
then <span class="buy">inline</span> finish &amp; enjoy.

```python
buy_now()  # code is never analysed
```

<div>Buy now in raw HTML</div>

| step | what |
|------|------|
| one  | plan the week |
"""


def test_markdown_projection_keeps_prose_and_drops_markup() -> None:
    post = post_from(MARKDOWN)
    assert post.title == 'Buy now: the "new" planner'
    assert "Plan your week" in post.text
    assert "the guide" in post.text
    assert "plan the week" in post.text
    for markup in ("https://", "buy_now", "span", "Buy now in raw HTML", "code is never", 'Buy now")'):
        assert markup not in post.text, markup
    assert "finish & enjoy" in post.text


@pytest.mark.parametrize("needle", ["Plan", "your", "week", "the guide", "then", "finish", "enjoy", "plan the week"])
def test_every_prose_position_points_into_the_original(needle: str) -> None:
    post = post_from(MARKDOWN)
    assert at(post, needle) == line_col_in_source(MARKDOWN, needle)


def test_title_position_is_inside_front_matter_quotes() -> None:
    post = post_from(MARKDOWN)
    assert at(post, "Buy now") == Position(2, 9)
    assert at(post, "planner") == line_col_in_source(MARKDOWN, "planner")
    assert post.field_positions["channel"] == Position(3, 10)


def test_toml_front_matter() -> None:
    source = '+++\ntitle = "今だけ半額"\ndate = 2026-01-01\n[extra]\ntitle = "not this"\n+++\n本文です。\n'
    post = post_from(source)
    assert post.title == "今だけ半額"
    assert post.fields["extra"] == {"title": "not this"}
    assert at(post, "今だけ") == Position(2, 10)
    assert post.lang == "ja"


def test_crlf_and_bom_keep_lines_and_columns() -> None:
    lf = "---\ntitle: Limited time only\n---\nFirst line.\nBuy now, please.\n"
    crlf = lf.replace("\n", "\r\n").encode("utf-8")
    for data in (lf.encode(), crlf, b"\xef\xbb\xbf" + crlf):
        post = markdown_post(decode(data, "p.md"))
        assert at(post, "Limited") == Position(2, 8)
        assert at(post, "Buy now") == Position(5, 1)


def test_old_mac_line_ends() -> None:
    post = markdown_post(decode(b"Intro.\rBuy now.\r", "p.md"))
    assert at(post, "Buy now") == Position(2, 1)


def test_first_heading_is_the_title_when_front_matter_has_none() -> None:
    post = post_from("Intro line before.\n\n# Real heading\n")
    assert post.title == "Intro line before."
    assert post_from("# Heading first\n\nBody.").title == "Heading first"


def test_yaml_post_body_positions() -> None:
    source = "title: Launch day\nlang: en\nbody: |\n  First paragraph.\n\n  Then [a link](http://x.test) and buy now.\n"
    post = yaml_post(decode(source.encode(), "post.yaml"))
    assert post.title == "Launch day"
    assert "http" not in post.text
    assert at(post, "buy now") == line_col_in_source(source, "buy now")
    assert at(post, "Launch") == Position(1, 8)
    assert post.fields["lang"] == "en"


@pytest.mark.parametrize(
    ("source", "message", "line"),
    [
        ("", "empty post", 1),
        ("---\ntitle: x\n", "never closed", 1),
        ("---\n- a\n- b\n---\nbody", "must be a mapping", 2),
        ("---\ntitle: [unclosed\n---\nbody", "invalid YAML", 3),
        ("---\n---\n```\ncode only\n```\n", "empty post", 1),
        ("+++\ntitle = \n+++\nbody", "invalid TOML", 2),
    ],
)
def test_broken_posts(source: str, message: str, line: int) -> None:
    with pytest.raises(InputError) as info:
        post_from(source, "bad.md")
    assert message in info.value.message
    assert info.value.path == "bad.md"
    assert info.value.line == line


def test_yaml_file_without_body_is_not_a_post() -> None:
    with pytest.raises(InputError, match="not a post"):
        yaml_post(decode(b"title: only a title\n", "x.yaml"))


def test_toml_front_matter_with_many_keys_is_read_in_linear_time() -> None:
    import time

    def seconds(keys: int) -> float:
        text = '+++\ntitle = "t"\n' + "".join(f"k{i} = {i}\n" for i in range(keys)) + "+++\nHow to read churn.\n"
        start = time.perf_counter()
        post = markdown_post(decode(text.encode("utf-8"), "p.md", 10**8))
        assert post.fields[f"k{keys - 1}"] == keys - 1 and post.field_positions[f"k{keys - 1}"].line == keys + 2
        return time.perf_counter() - start

    small = min(seconds(10_000) for _ in range(2))
    large = min(seconds(20_000) for _ in range(2))
    assert large < 3 * small + 0.2, (small, large)  # quadratic would be 4x; 150,000 keys take ~10 s
