"""What the commands say on stderr and in a feed's section follows the interface language too: the `--verbose`
lines naming skipped files, the `--gate mix` usage error, and a feed's own findings in the HTML and Markdown
reports (level and *why* translated; the message stays in the posts' language)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import run
from tests.interface_text import english_left

SKIPPED = {
    "ja": (
        "{path} を飛ばしました：投稿、カレンダー、プロフィールのどれも含んでいません",
        "{path} を飛ばしました：検査する本文がありません",
    ),
    "zh": ("已跳过 {path}：不含帖子、日历或个人资料", "已跳过 {path}：没有可检查的正文"),
}
SALE = (
    "---\ntitle: Spring sale day {day}\ndate: 2026-01-{day:02d}\nchannel: blog\n---\n30% off every plan with "
    "code SPRING30. Sale ends Sunday.\n"
)


@pytest.mark.parametrize("lang", ["ja", "zh"])
def test_verbose_names_skipped_files_in_the_interface_language(write: Callable[..., Path], lang: str) -> None:
    config = write("config.yaml", "baseURL: https://example.org/\ntitle: Churn notes\n")
    section = write("content/_index.md", "---\ntitle: Blog\n---\n")
    code, _, err = run(["check", "--no-cache", "--verbose", "--ui-lang", lang, str(config), str(section)])
    assert code == 0
    not_content, no_prose = SKIPPED[lang]
    assert f"contentlint: {not_content.format(path=config)}" in err
    assert f"contentlint: {no_prose.format(path=section)}" in err
    assert "contentlint: skipped" not in err


def test_verbose_follows_the_locale(write: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    section = write("content/_index.md", "---\ntitle: Blog\n---\n")
    _, _, err = run(["classify", "--verbose", str(section)])
    assert f"contentlint: {SKIPPED['ja'][1].format(path=section)}" in err


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("ja", "PATH に採点できるカレンダーもフィードもありません"),
        ("zh", "PATH 中没有可评分的日历或信息流"),
    ],
)
def test_gate_mix_with_nothing_to_score_says_so_in_the_interface_language(
    write: Callable[..., Path], lang: str, words: str
) -> None:
    post = write("post.md", "---\ntitle: How to read a churn chart\n---\nYour churn chart hides two problems.\n")
    code, _, err = run(["check", str(post), "--gate", "mix", "--ui-lang", lang])
    assert code == 2 and f"--gate mix: {words}" in err


@pytest.fixture
def feed(write: Callable[..., Path], tmp_path: Path) -> Path:
    for day in (5, 12, 19):
        write(f"blog/2026-01-{day:02d}.md", SALE.format(day=day))
    return tmp_path / "blog"


def test_a_feeds_findings_in_a_japanese_html_report(feed: Path) -> None:
    code, page, err = run(["report", str(feed), "--format", "html", "--ui-lang", "ja"])
    assert code == 0, err
    feed_part = page[: page.index("<h2>投稿</h2>")]
    assert (
        '<span class="lvl warning">警告</span><span class="rule" translate="no">mix-score</span><br>'
        '<span class="msg" lang="en">Stage mix scores 0/100'
    ) in feed_part
    assert (
        '<span class="loc" lang="en" translate="no">(posts: 2026-01-05.md, 2026-01-12.md, 2026-01-19.md)' in feed_part
    )
    assert re.search(
        r'mix-score</span>.*?<summary>理由</summary><span lang="ja">告知とオファーばかりのフィード', feed_part, re.S
    )
    assert english_left(page, "ja") == []


def test_a_feeds_findings_in_a_chinese_markdown_report(feed: Path) -> None:
    code, out, err = run(["report", str(feed), "--format", "markdown", "--ui-lang", "zh"])
    assert code == 0, err
    section = out[out.index("### 信息流") : out.index("### 帖子")]
    assert "- 警告 `mix-score`: Stage mix scores 0/100" in section
    assert "(posts: 2026-01-05.md, 2026-01-12.md, 2026-01-19.md)" in section
    assert "mix-score" not in out[out.index("### 帖子") : out.index("### 提示") if "### 提示" in out else None]


@pytest.mark.parametrize(
    ("config", "lang", "words", "english"),
    [
        ("fail_level: loud\n", "ja", "fail_level: error, warning, info のいずれかを指定してください", "expected"),
        ("fail_level: loud\n", "zh", "fail_level: 应为 error, warning, info 之一", "expected"),
        ("fail_level: [error\n", "ja", "YAML として正しくありません：", "invalid YAML"),  # not YAML at all
        ("fail_level: [error\n", "zh", "YAML 无效：", "invalid YAML"),
    ],
)
def test_a_config_error_in_the_interface_language(
    write: Callable[..., Path], config: str, lang: str, words: str, english: str
) -> None:
    write(".contentlint.yaml", config)
    post = write("post.md", "---\ntitle: How to read a churn chart\n---\nYour churn chart hides two problems.\n")
    code, out, _ = run(["check", "--no-cache", "--ui-lang", lang, str(post)])
    assert code == 2 and words in out and english not in out, out


def test_the_baseline_lines_in_the_interface_language(write: Callable[..., Path], tmp_path: Path) -> None:
    post = write("post.md", SALE.format(day=5))
    baseline = tmp_path / "baseline.json"
    _, _, err = run(["check", "--no-cache", "--ui-lang", "ja", "--baseline", str(baseline), str(post)])
    assert f"contentlint: ベースライン {baseline} に " in err and "件の指摘を書き込みました" in err, err
    _, _, err = run(["check", "--no-cache", "--ui-lang", "zh", "--baseline", str(baseline), str(post)])
    assert f"contentlint: 基线 {baseline} 隐藏了 " in err, err


INPUT_ERRORS = {
    "ja": (
        "UTF-8 ではありません（バイト 0x89）。Shift_JIS/CP932 のようです。ファイルを UTF-8 で保存してください",
        "バイナリファイル（PNG 画像）です。テキストの投稿ではありません",
        "2 番目のエントリー：日付 '2026-02-30' は存在しません（day is out of range for month）",
        "3 番目のエントリー：不明なキー `author` です",
    ),
    "zh": (
        "不是 UTF-8（字节 0x89），看起来是 Shift_JIS/CP932；请将文件另存为 UTF-8",
        "二进制文件（PNG 图片），不是文本帖子",
        "第 2 个条目：日期 '2026-02-30' 不存在（day is out of range for month）",
        "第 3 个条目：未知的键 `author`",
    ),
}


@pytest.mark.parametrize("lang", ["ja", "zh"])
def test_input_errors_in_the_interface_language(write: Callable[..., Path], tmp_path: Path, lang: str) -> None:
    """A Shift_JIS post, an image and a calendar with a date that does not exist and an unknown key: each error is
    written in the core (a `Text`, in this process or a worker) and read in the interface language at the end."""
    (tmp_path / "shift-jis.md").write_bytes("---\ntitle: 解約率\n---\n本文です。\n".encode("cp932"))
    (tmp_path / "chart.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    calendar = (
        "entries:\n"
        "  - {date: 2026-02-02, channel: blog, title: How to read a churn chart, body: Two problems hide in it.}\n"
        "  - {date: '2026-02-30', channel: blog, title: Why churn lags, body: The chart lags by a month.}\n"
        "  - {date: 2026-03-02, channel: blog, title: Churn cohorts, body: Cohorts show it., author: Kim}\n"
    )
    write("calendar.yaml", calendar)
    code, out, _ = run(["check", "--no-cache", "--ui-lang", lang, str(tmp_path)])
    assert code == 2, out
    for words in INPUT_ERRORS[lang]:
        assert words in out, (words, out)
    assert "not UTF-8" not in out and "binary file" not in out and "entry 2" not in out


@pytest.mark.parametrize(
    ("lang", "level", "option"),
    [
        (
            "ja",
            "ルール `team-level`：level: info, warning, error のいずれかを指定してください"
            "（'loud' が指定されています）",
            "ルール `team-option`：params.below：不明なオプションです（この種類で使えるもの：",
        ),
        (
            "zh",
            "规则 `team-level`：level: 应为 info, warning, error 之一，实际为 'loud'",
            "规则 `team-option`：params.below：未知的选项（此类规则可用：",
        ),
    ],
)
def test_rule_pack_errors_in_the_interface_language(
    write: Callable[..., Path], lang: str, level: str, option: str
) -> None:
    """A team's pack with a bad level, then one with an option its kind does not take (a problem the option schema
    finds, nested in the rule's error): each in the interface language, exit 2."""
    rule = "rules:\n  - id: {id}\n    kind: phrases\n    message: Say why.\n    rationale: Readers skip it.\n"
    write("level.yaml", rule.format(id="team-level") + "    level: loud\n")
    write("option.yaml", rule.format(id="team-option") + "    params: {below: 0.4}\n")
    post = write("post.md", "---\ntitle: How to read a churn chart\n---\nYour churn chart hides two problems.\n")
    for pack, words in (("level.yaml", level), ("option.yaml", option)):
        write(".contentlint.yaml", f"packs: [{pack}]\n")
        code, out, _ = run(["check", "--no-cache", "--ui-lang", lang, str(post)])
        assert code == 2 and words in out, out


INIT_LINES = {
    "ja": (
        ".contentlint.yaml を書き込みました",
        ".contentlint.yaml はすでにあります（上書きするには --force を付けてください）",
    ),
    "zh": ("已写入 .contentlint.yaml", ".contentlint.yaml 已存在（如需覆盖，请使用 --force）"),
}


@pytest.mark.parametrize("lang", ["ja", "zh"])
def test_init_speaks_the_locales_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    """`init` has no --ui-lang: it follows the locale, for what it wrote and for refusing to overwrite."""
    from contentlint.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LANG", {"ja": "ja_JP.UTF-8", "zh": "zh_CN.UTF-8"}[lang])
    wrote, exists = INIT_LINES[lang]
    assert main(["init"]) == 0
    assert capsys.readouterr().out == wrote + "\n"
    assert main(["init"]) == 2
    err = capsys.readouterr().err
    assert exists in err and "already exists" not in err, err


@pytest.mark.parametrize(
    ("lang", "missing", "busy"),
    [
        (
            "ja",
            "：そのようなファイルやフォルダーはありません",
            "ですでに使われています。--port で別のポートを指定してください",
        ),
        ("zh", "：没有这个文件或文件夹", "上已被占用；请用 --port 另选一个"),
    ],
)
def test_serve_refuses_in_the_interface_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, missing: str, busy: str
) -> None:
    pytest.importorskip("uvicorn", reason='the web extra is not installed: pip install "contentlint[web]"')
    import socket

    from contentlint.cli import main

    assert main(["serve", "--ui-lang", lang, str(tmp_path / "missing")]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / 'missing'}{missing}" in err and "no such file" not in err, err
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--ui-lang", lang, "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert f"{port}" in err and busy in err and "is in use" not in err, err


@pytest.mark.parametrize(
    ("locale", "words"),
    [
        ("ja_JP.UTF-8", "フィールド `body` がないか、テキストではありません"),
        ("zh_CN.UTF-8", "字段 `body` 缺失或不是文本"),
    ],
)
def test_a_corpus_error_in_the_locales_language(
    write: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    locale: str,
    words: str,
) -> None:
    from contentlint.cli import main

    monkeypatch.setenv("LANG", locale)
    corpus = write("labelled.jsonl", '{"lang": "en", "label": "sale", "stage": "at", "title": "t"}\n')
    assert main(["eval", str(corpus)]) == 2
    assert f"contentlint: {corpus}:1: {words}" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("locale", "words"), [("ja_JP.UTF-8", "'zh' の学習レコードがありません"), ("zh_CN.UTF-8", "没有 'zh' 的训练记录")]
)
def test_training_a_language_the_corpus_lacks_is_an_input_error_not_a_crash(
    write: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    locale: str,
    words: str,
) -> None:
    from contentlint.cli import main

    monkeypatch.setenv("LANG", locale)
    corpus = write(
        "labelled.jsonl",
        '{"id": "a", "lang": "en", "label": "howto", "stage": "post", "title": "How to export", '
        '"body": "Open the menu and choose Export.", "source": "own"}\n',
    )
    assert main(["train", str(corpus), "--lang", "zh", "--dry-run"]) == 2
    err = capsys.readouterr().err
    assert words in err and "internal error" not in err and "内部" not in err
