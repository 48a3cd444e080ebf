"""`contentlint lsp` driven over stdio by a real LSP client (pytest-lsp), one server for the whole module."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
import yaml
from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.helpers import PUBLISHED, lsp_server, open_document, published, run, vscode_session

pytestmark = [pytest.mark.lsp, pytest.mark.asyncio(loop_scope="module")]

# Emoji sit before the findings on their lines: one column for contentlint, two UTF-16 units for the editor.
EN = (
    '---\ntitle: "🎉 Ledgerly 5.0 is out: buy now"\nproduct: Ledgerly\naudience: finance teams\n---\n'
    "Version 5.0 adds scheduled exports so you can reduce the hours spent on reports.\n\n"
    "🚀 Update today; 20% off annual plans this week. Buy now!\n"
)
JA = (
    "---\ntitle: 🎉春のセール：今すぐ購入\n---\n新製品が発売されました。🚀今すぐ購入してください。"
    "期間限定で全品30%オフです。\n"
)
ZH = (
    "---\ntitle: 双十一限时秒杀\nchannel: weibo\n---\n#双十一# 云账本专业版限时秒杀！👉全网最低价，五折起，"
    "手慢无！立即购买\n\n关注+转发本条微博并@三位好友，抽10位送全年会员！\n"
)
CALM = "---\ntitle: How finance teams close the month in two days\n---\nThe checklist our customers use.\n"
INITIALIZED: dict[str, types.InitializeResult] = {}
SERVER = lsp_server()


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("workspace")


@pytest_lsp.fixture(scope="module", config=SERVER)
async def client(lsp_client: LanguageClient, workspace: Path):  # type: ignore[no-untyped-def]
    INITIALIZED["result"] = await vscode_session(lsp_client, workspace, "en")
    yield
    await lsp_client.shutdown_session()


async def change(client: LanguageClient, path: Path, version: int, text: str) -> list[types.Diagnostic]:
    waiting = published(path.as_uri(), version)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    return await waiting


def utf16(line: str, column: int) -> int:
    return len(line[: column - 1].encode("utf-16-le")) // 2


def cli_ranges(path: Path) -> list[tuple[str, int, int, int, int]]:
    """What `contentlint check --format json` reports for the file, as LSP ranges (0-based, UTF-16)."""
    _code, out, _err = run(["check", "--format", "json", "--no-cache", str(path)])
    lines = path.read_text(encoding="utf-8").split("\n")
    return sorted(
        (
            f["rule"],
            f["line"] - 1,
            utf16(lines[f["line"] - 1], f["column"]),
            f["end_line"] - 1,
            utf16(lines[f["end_line"] - 1], f["end_column"]),
        )
        for f in json.loads(out)["findings"]
    )


def lsp_ranges(diagnostics: list[types.Diagnostic]) -> list[tuple[Any, int, int, int, int]]:
    return sorted(
        (d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character)
        for d in diagnostics
    )


async def test_initialize_announces_what_the_server_does(client: LanguageClient) -> None:
    result = INITIALIZED["result"]
    assert result.server_info is not None and result.server_info.name == "contentlint"
    capabilities = result.capabilities
    assert capabilities.position_encoding == types.PositionEncodingKind.Utf16
    assert capabilities.hover_provider
    assert capabilities.code_action_provider
    assert capabilities.execute_command_provider is not None
    assert list(capabilities.execute_command_provider.commands) == ["contentlint.openRuleDocs"]
    sync = capabilities.text_document_sync
    assert isinstance(sync, types.TextDocumentSyncOptions) and sync.open_close and sync.save


@pytest.mark.parametrize("name, text", [("en.md", EN), ("ja.md", JA), ("zh.md", ZH)])
async def test_diagnostics_sit_where_the_cli_reports_them(
    client: LanguageClient, workspace: Path, name: str, text: str
) -> None:
    path = workspace / name
    path.write_text(text, encoding="utf-8")
    diagnostics = await open_document(client, path, text)
    expected = cli_ranges(path)
    assert lsp_ranges(diagnostics) == expected
    assert any(line == 1 for _rule, line, *_ in expected), "a finding on the front-matter title"
    lines = text.split("\n")
    emoji_line = next(i for i, line in enumerate(lines) if i > 1 and any(ord(c) > 0xFFFF for c in line))
    on_it = [d for d in diagnostics if d.range.start.line == emoji_line and d.code == "hard-sell"]
    assert on_it, "a finding after an emoji"
    units = lines[emoji_line].encode("utf-16-le")
    flagged = {units[2 * d.range.start.character : 2 * d.range.end.character].decode("utf-16-le"): d for d in on_it}
    phrase = next(p for p in ("Buy now", "今すぐ購入", "立即购买") if p in flagged)
    start, end = flagged[phrase].range.start.character, flagged[phrase].range.end.character
    assert lines[emoji_line][start:end] != phrase  # counted in code points it would be one character off
    by_rule = {d.code: d for d in diagnostics}
    hard_sell = by_rule["hard-sell"]
    assert hard_sell.source == "contentlint"
    assert hard_sell.severity == types.DiagnosticSeverity.Warning
    assert hard_sell.code_description is not None and hard_sell.code_description.href.startswith("file://")
    assert "#L" in hard_sell.code_description.href


def apply(text: str, edit: types.WorkspaceEdit, uri: str) -> str:
    """The text after a workspace edit's changes to ``uri`` (positions in UTF-16 units, as the server sends)."""
    assert edit.changes is not None
    lines = text.split("\n")

    def offset(position: types.Position) -> int:
        line = lines[position.line].encode("utf-16-le")[: 2 * position.character].decode("utf-16-le")
        return sum(len(text) + 1 for text in lines[: position.line]) + len(line)

    for change in sorted(edit.changes[uri], key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(change.range.start)] + change.new_text + text[offset(change.range.end) :]
    return text


async def actions_at(
    client: LanguageClient, uri: str, line: int, diagnostics: list[types.Diagnostic]
) -> list[types.CodeAction | types.Command]:
    here = types.Range(start=types.Position(line=line, character=0), end=types.Position(line=line, character=0))
    found = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=here,
            context=types.CodeActionContext(diagnostics=[d for d in diagnostics if d.range.start.line == line]),
        )
    )
    return list(found or [])


def front_matter(text: str) -> dict[str, Any]:
    return yaml.safe_load(text.split("---\n")[1])


async def test_hover_on_the_title_tells_label_stage_confidence_and_evidence(
    client: LanguageClient, workspace: Path
) -> None:
    path = workspace / "hover.md"
    await open_document(client, path, JA)
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=types.Position(line=1, character=3)
        )
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    shown = hover.contents.value
    assert "**sale** (`sale`, promotional)" in shown
    assert "Stage: **at purchase** (`at`) · confidence " in shown and "%" in shown
    assert "Evidence:" in shown and "(line 4, sale)" in shown
    assert hover.range is not None and hover.range.start.line == 1
    body = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=types.Position(line=3, character=1)
        )
    )
    assert body is None  # only the title line has a hover


async def test_a_rewrite_replaces_the_title(client: LanguageClient, workspace: Path) -> None:
    path = workspace / "rewrite.md"
    diagnostics = await open_document(client, path, EN)
    actions = await actions_at(client, path.as_uri(), 1, diagnostics)
    rewrites = [
        a for a in actions if isinstance(a, types.CodeAction) and a.kind == types.CodeActionKind.RefactorRewrite
    ]
    titles = [a.title for a in rewrites]
    assert titles[0] == "Rewrite the title: How finance teams reduce the hours spent on reports with Ledgerly"
    assert len(titles) >= 2 and all(t.startswith("Rewrite the title: ") and "Ledgerly" in t for t in titles)
    assert rewrites[0].edit is not None
    changed = apply(EN, rewrites[0].edit, path.as_uri())
    assert front_matter(changed)["title"] == "How finance teams reduce the hours spent on reports with Ledgerly"
    assert changed.split("\n")[2:] == EN.split("\n")[2:]  # only the title line changed
    assert not [
        a
        for a in await actions_at(client, path.as_uri(), 7, diagnostics)
        if isinstance(a, types.CodeAction) and a.kind == types.CodeActionKind.RefactorRewrite
    ]  # not offered away from the title


async def test_no_rewrite_with_a_blank_left_in_it(client: LanguageClient, workspace: Path) -> None:
    path = workspace / "blanks.md"
    diagnostics = await open_document(client, path, JA)  # no product, outcome or audience in it
    actions = await actions_at(client, path.as_uri(), 1, diagnostics)
    assert not [
        a for a in actions if isinstance(a, types.CodeAction) and a.kind == types.CodeActionKind.RefactorRewrite
    ]
    assert any(a.title == "Disable hard-sell for the next line" for a in actions)


async def test_a_suppression_silences_the_rule_on_that_line(client: LanguageClient, workspace: Path) -> None:
    path = workspace / "suppress.md"
    diagnostics = await open_document(client, path, EN)
    text, version = EN, 1
    for line in (7, 1):  # a body line, then the title in the front matter
        (disable,) = [
            a
            for a in await actions_at(client, path.as_uri(), line, diagnostics)
            if a.title == "Disable hard-sell for the next line"
        ]
        assert (
            isinstance(disable, types.CodeAction)
            and disable.edit is not None
            and disable.kind == types.CodeActionKind.QuickFix
        )
        text, version = apply(text, disable.edit, path.as_uri()), version + 1
        diagnostics = await change(client, path, version, text)
        assert not [d for d in diagnostics if d.code == "hard-sell" and d.range.start.line == line + 1]
    assert "<!-- contentlint-disable-next-line hard-sell -->\n🚀 Update" in text
    assert "---\n# <!-- contentlint-disable-next-line hard-sell -->\ntitle:" in text
    assert front_matter(text)["title"].endswith("buy now")
    assert not [d for d in diagnostics if d.code in ("unused-suppression", "input-error")]


async def test_the_docs_action_opens_the_rule_definition(client: LanguageClient, workspace: Path) -> None:
    path = workspace / "docs.md"
    diagnostics = await open_document(client, path, ZH)
    line = next(d.range.start.line for d in diagnostics if d.code == "hard-sell")
    actions = await actions_at(client, path.as_uri(), line, diagnostics)
    (docs,) = [a for a in actions if a.title == "Open the documentation of hard-sell"]
    assert isinstance(docs, types.Command)
    await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command=docs.command, arguments=docs.arguments)
    )
    shown = client.shown_documents[-1]
    assert shown.uri.startswith("file://") and "#" not in shown.uri and shown.selection is not None
    pack = Path(shown.uri.removeprefix("file://")).read_text(encoding="utf-8").split("\n")
    assert pack[shown.selection.start.line].strip().removeprefix("- ") == "id: hard-sell"


async def test_typing_refreshes_and_only_the_last_text_is_published(client: LanguageClient, workspace: Path) -> None:
    path = workspace / "typing.md"
    assert any(d.code == "hard-sell" for d in await open_document(client, path, EN))
    waiting = published(path.as_uri(), 4)
    for version, text in ((2, EN + "More.\n"), (3, EN + "More words.\n"), (4, CALM)):
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
    diagnostics = await waiting
    assert not [d for d in diagnostics if d.code == "hard-sell"]
    assert [p.version for p in PUBLISHED if p.uri == path.as_uri()] == [1, 4]


async def test_an_edit_in_place_is_applied_before_linting(client: LanguageClient, workspace: Path) -> None:
    path = workspace / "incremental.md"
    await open_document(client, path, CALM)
    waiting = published(path.as_uri(), 2)
    at = types.Position(line=3, character=0)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=at, end=at), text="Buy now, today only! "
                )
            ],
        )
    )
    diagnostics = await waiting
    (hard_sell, *_rest) = [d for d in diagnostics if d.code == "hard-sell"]
    assert (hard_sell.range.start.line, hard_sell.range.start.character) == (3, 0)


async def test_a_config_change_is_picked_up(client: LanguageClient, workspace: Path) -> None:
    folder = workspace / "blog"
    folder.mkdir()
    path = folder / "post.md"
    assert any(d.code == "hard-sell" for d in await open_document(client, path, EN))
    config = folder / ".contentlint.yaml"
    config.write_text("rules: {hard-sell: off}\n", encoding="utf-8")
    waiting = published(path.as_uri(), 1)
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Created)]
        )
    )
    assert not [d for d in await waiting if d.code == "hard-sell"]
    config.write_text("rules: {hard-sell: error}\n", encoding="utf-8")
    waiting = published(path.as_uri(), 1)
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=config.as_uri()))
    )
    severities = {d.severity for d in await waiting if d.code == "hard-sell"}
    assert severities == {types.DiagnosticSeverity.Error}


async def test_a_broken_config_is_one_diagnostic_on_the_document(client: LanguageClient, workspace: Path) -> None:
    folder = workspace / "broken"
    folder.mkdir()
    (folder / ".contentlint.yaml").write_text("rules: [\n", encoding="utf-8")
    diagnostics = await open_document(client, folder / "post.md", EN)
    assert [(d.code, d.severity) for d in diagnostics] == [("config-error", types.DiagnosticSeverity.Error)]
    assert diagnostics[0].message.startswith(str(folder / ".contentlint.yaml"))
