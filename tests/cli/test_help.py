"""`--help` of the group and of every command, and click's own usage errors, in the interface language: nothing
of them is left in English in Japanese or Chinese but option names and literals; English is as it was."""

from __future__ import annotations

import gettext
import os
import re

import pytest
from click.testing import CliRunner

from contentlint.cli import COMMANDS, cli, main


def run(args: list[str]) -> tuple[int, str, str]:
    """The command in this process, named as on the command line (the usage line shows the name)."""
    result = CliRunner().invoke(cli, args, prog_name="contentlint")
    return result.exit_code, result.stdout, result.stderr


LANGUAGES = ("ja", "zh")
# Words that stay as they are in every language: product and format names, and the literal values of options
LITERALS = {
    "contentlint", "markdown", "yaml", "csv", "jsonl", "json", "html", "sarif", "junit", "github", "actions",
    "codeclimate", "spacy", "textcat", "jinja", "lang", "head", "id", "cpu", "uuid", "web", "en", "ja", "zh",
    "version", "stdin", "product", "sale", "release", "problem", "howto",
}  # fmt: skip
# `code`, [a|b], 'quoted', options, paths and file names
_CODE = re.compile(r"`[^`]*`|\[[^\]]*\|[^\]]*\]|'[^']*'|(?<!\S)-\S+|\S*(?:[/$*_<>=]|\.\w)\S*")
_WORD = re.compile(r"[A-Za-z]{2,}")


def choice_values() -> set[str]:
    import click

    values = set()
    for name in COMMANDS:
        command = cli.get_command(click.Context(cli), name)
        assert command is not None
        for param in command.params:
            if isinstance(param.type, click.Choice):
                values.update(str(choice).lower() for choice in param.type.choices)
    return values


def english_left(text: str) -> list[str]:
    """The English words of ``text`` other than option names, literals in code or quotes, paths and choices."""
    allowed = LITERALS | choice_values() | set(COMMANDS)
    return sorted({w for w in _WORD.findall(_CODE.sub(" ", text)) if w.lower() not in allowed})


def test_the_scan_finds_english_and_passes_literals() -> None:
    assert english_left("  -h, --help  Show this message and exit.") == ["Show", "and", "exit", "message", "this"]
    assert english_left("使い方: contentlint check [オプション] パス...  `lang` --gate [all|mix] (auto：github)") == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("command", ["", *sorted(COMMANDS)])
def test_every_help_is_in_the_interface_language(command: str, language: str) -> None:
    code, out, err = run([*filter(None, [command]), "--help", "--ui-lang", language])
    assert code == 0, err
    assert english_left(out) == []
    assert out.startswith({"ja": "使い方: contentlint", "zh": "用法: contentlint"}[language])


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "ja",
            (
                "オプション:",
                "-h, --help",
                "このヘルプを表示して終了します。",
                "パス...",
                "投稿とカレンダーを検査します",
            ),
        ),
        ("zh", ("选项:", "-h, --help", "显示此帮助并退出。", "路径...", "检查帖子和日历")),
    ],
)
def test_the_locale_picks_the_language_of_the_help(
    monkeypatch: pytest.MonkeyPatch, language: str, words: tuple[str, ...]
) -> None:
    monkeypatch.setenv("LANG", {"ja": "ja_JP.UTF-8", "zh": "zh_CN.UTF-8"}[language])
    code, out, _ = run(["check", "--help"])
    assert code == 0 and all(word in out for word in words), out


def test_the_groups_ui_lang_is_every_commands_default(write, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(["--ui-lang", "zh", "check", "--help"])
    assert code == 0 and "用法: contentlint check [选项] 路径..." in out
    post = write("post.md", "---\ntitle: How to read a churn chart\n---\nYour churn chart hides two problems.\n")
    assert main(["--ui-lang", "ja", "check", str(post), "--gate", "mix"]) == 2
    assert "PATH に採点できるカレンダーもフィードもありません" in capsys.readouterr().err


def test_the_group_lists_each_commands_first_sentence() -> None:
    _, out, _ = run(["--help", "--ui-lang", "ja"])
    assert "  check     投稿とカレンダーを検査します\n" in out
    assert "  rules     すべてのルールを一覧にします\n" in out


@pytest.mark.parametrize(
    ("language", "argv", "expected"),
    [
        (
            "ja",
            ["check", "--nope", "x"],
            "使い方: contentlint check [オプション] パス...\nヘルプは 'contentlint check --help' で表示できます。\n\n"
            "エラー：'--nope' というオプションはありません。 もしかして：'--no-cache'\n",
        ),
        (
            "zh",
            ["check"],
            "用法: contentlint check [选项] 路径...\n使用 'contentlint check --help' 查看帮助。\n\n"
            "错误：缺少参数 '路径...'.\n",
        ),
        ("ja", ["chek"], "エラー：'chek' というコマンドはありません。 もしかして：'check'\n"),
        ("zh", ["check", "--jobs", "99", "x"], "错误：'--jobs' / '-j' 的值无效：99 不在范围 0<=x<=64 内。\n"),
    ],
)
def test_usage_errors_are_in_the_interface_language_and_exit_2(
    capsys: pytest.CaptureFixture[str], language: str, argv: list[str], expected: str
) -> None:
    assert main([*argv, "--ui-lang", language]) == 2
    assert capsys.readouterr().err.endswith(expected)


def test_a_usage_error_follows_the_locale(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert main(["report", "--format", "pdf", "x"]) == 2
    err = capsys.readouterr().err
    assert "エラー：--format の値が正しくありません：'pdf' は 'text'" in err or "エラー：'--format' の値" in err, err


ENGLISH_EXPLAIN = """\
Usage: contentlint explain [OPTIONS] ID

  Show a rule's message, rationale, options and examples.

Options:
  --config FILE         Config file (default: nearest .contentlint.yaml from
                        here).
  --no-config           Ignore config files; use the defaults.
  --ui-lang [en|ja|zh]  Interface language: headings, labels, counts and
                        summaries (default: from LC_ALL, LC_MESSAGES or LANG,
                        else en). Findings follow each post's language.
  -h, --help            Show this message and exit.
"""
ENGLISH_CHECK_START = """\
Usage: contentlint check [OPTIONS] PATH...

  Lint posts and calendars (Markdown, YAML posts, YAML/CSV calendars; folders
  are walked; '-' is stdin).

Options:
  --config FILE                   Use this config file for every path (instead
                                  of the nearest .contentlint.yaml).
"""


def test_english_help_is_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    for language in ("ja", "en"):  # a Japanese help before leaves nothing behind in the English one
        code, out, _ = run(["explain", "--help", "--ui-lang", language])
    assert code == 0 and out == ENGLISH_EXPLAIN
    _, out, _ = run(["check", "--help"])
    assert out.startswith(ENGLISH_CHECK_START)
    assert out.endswith("  -h, --help                      Show this message and exit.\n")


def test_english_usage_errors_are_as_they_were(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--nope", "x"]) == 2
    assert capsys.readouterr().err == (
        "Usage: contentlint check [OPTIONS] PATH...\nTry 'contentlint check --help' for help.\n\n"
        "Error: No such option '--nope'. Did you mean '--no-cache'?\n"
    )


def test_speaking_a_language_is_undone_and_english_changes_nothing(write) -> None:  # type: ignore[no-untyped-def]
    domain, variable = gettext.textdomain(), os.environ.get("LANGUAGE")
    post = write("post.md", "---\ntitle: How to read a churn chart\n---\nYour churn chart hides two problems.\n")
    seen = []
    original = cli.invoke

    def spy(ctx):  # type: ignore[no-untyped-def]
        seen.append((gettext.textdomain(), os.environ.get("LANGUAGE")))
        return original(ctx)

    cli.invoke = spy  # type: ignore[method-assign]
    try:
        run(["check", "--no-cache", str(post)])
        run(["check", "--no-cache", "--ui-lang", "zh", str(post)])
    finally:
        del cli.invoke
    assert seen == [(domain, variable), ("contentlint", "zh")]
    assert (gettext.textdomain(), os.environ.get("LANGUAGE")) == (domain, variable)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--version"], "contentlint, version "),
        (["--ui-lang", "ja", "--version"], "contentlint バージョン "),
        (["--ui-lang", "zh", "--version"], "contentlint 版本 "),
    ],
)
def test_the_version_line_is_in_the_interface_language(
    args: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from contentlint.version import __version__

    assert main(args) == 0
    assert capsys.readouterr().out == f"{expected}{__version__}\n"
