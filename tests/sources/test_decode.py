from __future__ import annotations

import codecs

import pytest

from contentlint.errors import FileSkipped, InputError
from contentlint.sources.decode import decode


def test_utf8_with_and_without_bom() -> None:
    assert decode("日本語".encode(), "a").text == "日本語"
    assert decode(codecs.BOM_UTF8 + "日本語".encode(), "a").text == "日本語"


def test_utf16_with_bom() -> None:
    assert decode("投稿\r\nです".encode("utf-16"), "a").text == "投稿\nです"


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ("今だけ半額セール".encode("cp932"), "looks like Shift_JIS/CP932"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
        (b"PK\x03\x04rest", "zip archive"),
        (b"text\x00with nul", "NUL bytes"),
    ],
)
def test_refused_with_a_reason(data: bytes, fragment: str) -> None:
    with pytest.raises(InputError) as info:
        decode(data, "post.md")
    assert fragment in info.value.message
    assert info.value.path == "post.md"


def test_shift_jis_error_points_at_the_first_bad_byte() -> None:
    data = b"ok line\n" + "半額".encode("cp932")
    with pytest.raises(InputError) as info:
        decode(data, "post.md")
    assert (info.value.line, info.value.column) == (2, 1)


def test_size_limit() -> None:
    with pytest.raises(FileSkipped, match="larger than the 100 bytes limit"):
        decode(b"a" * 101, "big.md", max_bytes=100)
