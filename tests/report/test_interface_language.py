"""The HTML and Markdown reports and the text summary in the interface language: Japanese and Chinese pages
keep no English interface word; English stays as it was; plurals are plurals."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import INSIGHT_EN, REPO, run
from tests.interface_text import english_left

SAMPLES = REPO / "samples"


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The HTML report of every sample (English, Japanese and Chinese posts, calendars, feeds, profiles,
    broken files) in each interface language."""
    folder = tmp_path_factory.mktemp("reports")
    pages = {}
    for lang in ("en", "ja", "zh"):
        out = folder / f"{lang}.html"
        code, _, err = run(["report", str(SAMPLES), "--format", "html", "-o", str(out), "--ui-lang", lang])
        assert code in (0, 2), err
        pages[lang] = out.read_text(encoding="utf-8")
    return pages


@pytest.mark.parametrize("lang", ["ja", "zh"])
def test_no_english_interface_word_is_left_in_the_html_report(reports: dict[str, str], lang: str) -> None:
    assert english_left(reports[lang], lang) == []


def test_the_check_is_not_blind(reports: dict[str, str]) -> None:
    """The same check finds the English interface in the English report (so it would find leftovers)."""
    left = english_left(reports["en"], "en")
    assert {"Posts", "errors", "warnings", "why"} <= set(left)


def test_japanese_report_reads_japanese(reports: dict[str, str]) -> None:
    page = reports["ja"]
    assert '<html lang="ja">' in page and "<title>コンテンツリント レポート</title>" in page
    assert re.search(r'<p class="sub">問題 \d+ 件（\d+ ファイル、投稿 \d+ 件）', page)
    assert "<summary>理由</summary>" in page and "販促の投稿" in page
    # post content keeps its own language, marked so that fonts and screen readers follow it
    assert (
        '<div class="excerpt" lang="en" translate="no">' in page
        and '<div class="excerpt" lang="zh" translate="no">' in page
    )


def _summary(out: str) -> str:
    return out.strip().splitlines()[-1]


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "ja_JP.UTF-8"}, "問題 1 件（エラー 0 件、警告 1 件、情報 0 件）／1 ファイル、投稿 1 件"),
        ({"LANG": "zh_CN.UTF-8"}, "1 个文件、1 篇帖子中有1 个问题（0 个错误，1 个警告，0 条信息）"),
        ({"LANG": "C.UTF-8"}, "1 problem (0 errors, 1 warning, 0 infos) in 1 file, 1 post"),
        (
            {"LANG": "zh_CN.UTF-8", "LC_ALL": "ja_JP.UTF-8"},
            "問題 1 件（エラー 0 件、警告 1 件、情報 0 件）／1 ファイル、投稿 1 件",
        ),
    ],
)
def test_the_summary_line_follows_the_locale(
    write: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, environ: dict[str, str], expected: str
) -> None:
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    post = write("p.md", INSIGHT_EN.replace("---\n", "---\nkpi: likes\n", 1))
    code, out, _ = run(["check", str(post)])
    assert code == 1 and _summary(out) == expected, out
    # the finding itself follows the post's language (English), not the interface
    assert "[vanity-kpi]" in out and "likes" in out


def test_ui_lang_wins_over_the_locale(write: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    post = write("p.md", INSIGHT_EN)
    code, out, _ = run(["check", str(post), "--ui-lang", "zh"])
    assert code == 0 and _summary(out) == "1 个文件、1 篇帖子中有0 个问题（0 个错误，0 个警告，0 条信息）", out


def test_plural_forms_in_english(write: Callable[..., Path]) -> None:
    posts = [write(f"p{i}.md", INSIGHT_EN) for i in range(2)]
    _, out, _ = run(["check", *map(str, posts)])
    assert _summary(out) == "0 problems (0 errors, 0 warnings, 0 infos) in 2 files, 2 posts"


def test_the_markdown_report_in_japanese(write: Callable[..., Path]) -> None:
    post = write(
        "p.md",
        "---\ntitle: 春のセール\nkpi: いいね数\n---\n今だけ30%オフ！今すぐ購入。お見逃しなく。\n"
        "クーポンコード SPRING30 をご入力いただくと、全プランが30%オフになります。セールは4月19日（日）まで。\n",
    )
    code, out, _ = run(["report", str(post), "--format", "markdown", "--ui-lang", "ja"])
    assert code == 0, out
    assert (
        out.startswith("## contentlint: 問題 ")
        and "### 投稿" in out
        and "| 場所 | レベル | ルール | メッセージ |" in out
    )
    assert "| セール |" in out and "### 指摘" in out
    interface = out[: out.index("### 指摘")]  # the findings' messages below follow the post's language
    words = re.findall(r"[A-Za-z]{3,}", re.sub(r"`[^`]*`", "", interface))
    assert set(words) <= {"contentlint", "details", "summary"}, words
