from __future__ import annotations

import pytest

from contentlint import lang


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("How to read your churn numbers", "en"),
        ("統計分析でユーザー行動を理解する", "ja"),
        ("限时折扣，立即购买", "zh"),
        ("We met the team from 東京 at the conference and talked about analytics for hours", "en"),
        ("", "en"),
    ],
)
def test_detect(text: str, expected: str) -> None:
    assert lang.detect(text) == expected


def test_front_matter_beats_config_beats_detection() -> None:
    assert lang.resolve("ja-JP", "en", "hello") == ("ja", "front-matter")
    assert lang.resolve(None, "ja", "hello") == ("ja", "config")
    assert lang.resolve(None, None, "こんにちは、世界") == ("ja", "detected")


@pytest.mark.parametrize(("tag", "expected"), [("EN_us", "en"), ("Japanese", "ja"), ("fr-CA", "fr")])
def test_normalise(tag: str, expected: str) -> None:
    assert lang.normalise(tag) == expected
