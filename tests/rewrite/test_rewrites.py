from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from contentlint.lint import analyse
from contentlint.rules.engine import RuleSet
from contentlint.rules.pack import default_pack_files, load_packs
from tests.cli.test_check import run
from tests.conftest import REPO, post_from

BOOK = load_packs(default_pack_files())


def rewrites_of(text: str):  # type: ignore[no-untyped-def]
    ruleset = RuleSet.from_book(BOOK)
    ((post, doc),) = analyse([post_from(text)])
    return ruleset.analyse(post, doc).rewrites


def test_motivating_japanese_pair_gets_a_katsuyoujutsu_headline_with_a_placeholder() -> None:
    text = (REPO / "samples/ja/new-version-release.md").read_text(encoding="utf-8")
    rewrites = rewrites_of(text)
    assert rewrites is not None
    assert "[目的?]のためのExcel活用術" in rewrites.headlines
    assert any(h.startswith("計算エンジンの高速化で") for h in rewrites.headlines)  # a feature from the list
    assert 2 <= len(rewrites.headlines) <= 3
    assert rewrites.questions[0].startswith("誰が")


def test_english_counterpart() -> None:
    rewrites = rewrites_of((REPO / "samples/en/new-version-on-sale.md").read_text(encoding="utf-8"))
    assert rewrites is not None
    assert "3 ways to [outcome?] with Excel" in rewrites.headlines
    assert "What a faster calculation engine changes for [who?]" in rewrites.headlines
    assert rewrites.slots["product"] == "Excel" and rewrites.slots["outcome"] is None


def test_outcome_and_audience_come_from_the_post_never_invented() -> None:
    rewrites = rewrites_of("---\ntitle: Ledgerly 5.0 is out\nproduct: Ledgerly\naudience: finance teams\n---\n"
                           "Version 5.0 adds scheduled exports so you can reduce the hours spent on reports. "
                           "Update today; 20% off annual plans this week.\n")
    assert rewrites is not None
    assert "How finance teams use Ledgerly to reduce the hours spent on reports" in rewrites.headlines
    assert not any("?]" in h for h in rewrites.headlines[:1])


def test_insight_posts_get_no_rewrites() -> None:
    assert rewrites_of((REPO / "samples/en/pivot-tables-monthly-report.md").read_text(encoding="utf-8")) is None


def test_forms_are_data_a_user_pack_can_extend(write: Callable[..., Path]) -> None:
    write("packs/more.yaml", "rewrites:\n  en:\n    headlines: ['A day in the life of {audience} with {product}']\n")
    write(".contentlint.yaml", "packs: [packs/more.yaml]\n")
    post = write("sale.md", "---\ntitle: 30% off Ledgerly\nproduct: Ledgerly\n---\nUse code SPRING30. Sale ends Sunday.\n")
    data = json.loads(run(["check", "--format", "json", str(post)])[1])
    (summary,) = data["posts"]
    assert "A day in the life of [who?] with Ledgerly" in summary["rewrites"]["headlines"]
    assert "proof" in " ".join(summary["rewrites"]["questions"])


def test_every_promotional_sample_has_rewrites_in_its_own_language() -> None:
    data = json.loads(run(["check", "--format", "json", str(REPO / "samples")])[1])
    promotional = [p for p in data["posts"] if p["group"] == "promotional"]
    assert len(promotional) >= 6
    for post in promotional:
        headlines = post["rewrites"]["headlines"]
        assert 2 <= len(headlines) <= 3, post["path"]
        japanese = any("\u3040" <= ch <= "\u30ff" for ch in "".join(headlines))
        assert japanese == (post["lang"] == "ja"), (post["path"], headlines)
    assert all(p["rewrites"] is None for p in data["posts"] if p["group"] == "insight")
