"""The language server's pieces that need no client: positions, how a title and a suppression are written, and
the guard that turns a failed analysis into one diagnostic."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml
from lsprotocol import types

from contentlint.lsp.actions import suppression_comment, written_title
from contentlint.lsp.document import Title
from contentlint.lsp.hover import describe
from contentlint.lsp.positions import UTF8, UTF16, UTF32, LineIndex
from contentlint.lsp.server import ContentlintServer, show_document
from contentlint.lsp.texts import MESSAGES, language_of, text
from contentlint.run import RunOptions
from contentlint.sources.comments import MARKDOWN_COMMENTS, YAML_COMMENTS, scan

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

LINE = "🎉春のセール：今すぐ購入"  # column 8 (code points) is 今


@pytest.mark.parametrize("encoding, character", [(UTF16, 8), (UTF8, 22), (UTF32, 7)])
def test_a_column_in_code_points_becomes_the_negotiated_units(encoding: str, character: int) -> None:
    index = LineIndex(f"---\ntitle: x\n---\n{LINE}\n", encoding)
    assert index.position(4, 8) == types.Position(line=3, character=character)
    assert index.line_end(4).character == {UTF16: 13, UTF8: 37, UTF32: 12}[encoding]


def test_line_breaks_and_a_bom_count_as_the_editor_counts_them() -> None:
    index = LineIndex("\ufeffab\r\ncd\rëf\n")
    assert index.position(1, 2) == types.Position(line=0, character=2)  # the BOM is a unit to the editor only
    assert index.position(3, 2) == types.Position(line=2, character=1)
    assert index.position(99, 1) == types.Position(line=3, character=0)  # past the end: the last line


@pytest.mark.parametrize(
    "headline",
    [
        "How finance teams use Ledgerly",
        "Ledgerly: 3 ways, tested",
        "「統計」で分かる顧客の行動",
        'Say "yes" to #1 {fast}',
        "yes",
        "- item",
    ],
)
def test_a_headline_is_written_as_a_valid_title(headline: str) -> None:
    for template in ("title: {}\n", "- {{title: {}, date: 2026-01-01}}\n"):
        parsed = yaml.safe_load(template.format(written_title(headline, "yaml")))
        assert (parsed["title"] if isinstance(parsed, dict) else parsed[0]["title"]) == headline
    assert tomllib.loads(f"title = {written_title(headline, 'toml')}\n")["title"] == headline
    assert written_title(headline, "text") == headline


def test_a_plain_headline_stays_plain_in_yaml() -> None:
    assert written_title("How finance teams use Ledgerly", "yaml") == "How finance teams use Ledgerly"


@pytest.mark.parametrize(
    "yaml_file, in_front_matter, text, line",
    [
        (False, False, "Hi.\n{}\nBuy now.\n", 3),
        (False, True, "---\n{}\ntitle: Buy now\n---\nBody.\n", 3),
        (True, False, "title: t\n{}\nbody: Buy now\n", 3),
    ],
)
def test_the_suppression_comment_is_the_one_suppress_reads(
    yaml_file: bool, in_front_matter: bool, text: str, line: int
) -> None:
    comment = suppression_comment("hard-sell", yaml_file, in_front_matter)
    (directive,) = scan("post", text.format(comment), YAML_COMMENTS if yaml_file else MARKDOWN_COMMENTS).directives
    assert (directive.first, directive.last, set(directive.rules)) == (line, line, {"hard-sell"})


def test_a_failed_analysis_is_one_diagnostic_and_the_server_goes_on(tmp_path: Path) -> None:
    server = ContentlintServer(RunOptions())

    class Broken:
        def run_text(self, *args: object, **kwargs: object) -> None:
            raise RuntimeError("pipeline exploded")

    working = server.runner
    server.runner = Broken()  # type: ignore[assignment]
    snapshot = server._analyse("---\ntitle: x\n---\nBody.\n", tmp_path / "post.md", 3)
    (diagnostic,) = snapshot.diagnostics
    assert diagnostic.severity == types.DiagnosticSeverity.Error and diagnostic.code == "internal-error"
    assert "RuntimeError: pipeline exploded" in diagnostic.message and snapshot.version == 3
    server.ui = "ja"
    assert "解析できませんでした" in server._analyse("x", tmp_path / "post.md", 4).diagnostics[0].message
    server.runner = working
    assert server._analyse("Buy now! 30% off.\n", tmp_path / "post.md", 5).diagnostics[0].code != "internal-error"


def test_a_rule_definition_opens_in_the_editor_at_its_line() -> None:
    shown = show_document("file:///packs/hard-sell.yaml#L12")
    assert shown.uri == "file:///packs/hard-sell.yaml" and shown.external is None
    assert shown.selection is not None and shown.selection.start.line == 11
    assert show_document("https://example.org/rules#hard-sell").external is True


def test_an_unclassified_post_says_why_in_every_interface_language() -> None:
    title = Title(
        types.Range(start=types.Position(line=1, character=7), end=types.Position(line=1, character=9)),
        "fr",
        None,
        None,
        None,
        None,
    )
    assert describe(title, "en") == "contentlint: this post was not classified (no pipeline for `fr`)."
    assert "`fr`" in describe(title, "ja") and "`fr`" in describe(title, "zh")


def test_every_text_is_translated_in_the_catalogues() -> None:
    values = {
        "label": "x",
        "code": "x",
        "group": "x",
        "stage": "x",
        "confidence": "x",
        "text": "x",
        "line": 1,
        "cue": "x",
        "lang": "x",
        "headline": "x",
        "rule": "x",
        "error": "x",
    }
    for key, english in MESSAGES.items():
        assert text("en", key, **values) == english.format(**values)
        for ui in ("ja", "zh"):
            assert text(ui, key, **values) != english.format(**values), (ui, key)
    assert [language_of(x) for x in ("ja", "zh-cn", "zh_TW", "en-US", "fr", None)] == [
        "ja",
        "zh",
        "zh",
        "en",
        "en",
        "en",
    ]


def test_the_editor_locale_decides_and_the_server_locale_is_the_fallback() -> None:
    server = ContentlintServer(RunOptions(ui_lang="ja"))
    server.speak(None)  # the client sent no locale: the server's own (`contentlint lsp` resolves it from LANG)
    assert server.ui == "ja" and server.runner.options.ui_lang == "ja"
    server.speak("zh-CN")
    assert server.ui == "zh" and server.runner.options.ui_lang == "zh"  # config and input errors too
    server.speak("fr")  # a language without a catalogue: English, as for any interface text
    assert server.ui == "en" and server.runner.options.ui_lang == "en"
