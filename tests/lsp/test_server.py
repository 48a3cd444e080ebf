"""`contentlint lsp` driven over stdio by a real LSP client (pytest-lsp), one server for the whole module."""
from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
import yaml
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from tests.cli.test_check import run

pytestmark = [pytest.mark.lsp, pytest.mark.asyncio(loop_scope="module")]

# Emoji sit before the findings on their lines: one column for contentlint, two UTF-16 units for the editor.
EN = ("---\ntitle: \"🎉 Ledgerly 5.0 is out: buy now\"\nproduct: Ledgerly\naudience: finance teams\n---\n"
      "Version 5.0 adds scheduled exports so you can reduce the hours spent on reports.\n\n"
      "🚀 Update today; 20% off annual plans this week. Buy now!\n")
JA = ("---\ntitle: 🎉春のセール：今すぐ購入\n---\n新製品が発売されました。🚀今すぐ購入してください。"
      "期間限定で全品30%オフです。\n")
ZH = ("---\ntitle: 双十一限时秒杀\nchannel: weibo\n---\n#双十一# 云账本专业版限时秒杀！👉全网最低价，五折起，"
      "手慢无！立即购买\n\n关注+转发本条微博并@三位好友，抽10位送全年会员！\n")
CALM = "---\ntitle: How finance teams close the month in two days\n---\nThe checklist our customers use.\n"
WAIT = 60  # seconds: the first analysis may still be loading spaCy
INITIALIZED: dict[str, types.InitializeResult] = {}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("workspace")


@pytest_lsp.fixture(scope="module", config=ClientServerConfig(server_command=[sys.executable, "-m", "contentlint", "lsp"]))
async def client(lsp_client: LanguageClient, workspace: Path):  # type: ignore[no-untyped-def]
    capabilities = client_capabilities("visual-studio-code")
    capabilities.workspace.did_change_watched_files.dynamic_registration = False  # type: ignore[union-attr]
    INITIALIZED["result"] = await lsp_client.initialize_session(types.InitializeParams(
        capabilities=capabilities, root_uri=workspace.as_uri(), locale="en"))
    yield
    await lsp_client.shutdown_session()


async def published(client: LanguageClient, uri: str, version: int) -> list[types.Diagnostic]:
    """The diagnostics published for ``uri`` at ``version`` (waiting for them)."""
    async def until() -> types.PublishDiagnosticsParams:
        while True:
            params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            if params.uri == uri and params.version == version:
                return params

    return list((await asyncio.wait_for(until(), WAIT)).diagnostics)


async def open_document(client: LanguageClient, path: Path, text: str) -> list[types.Diagnostic]:
    waiting = asyncio.ensure_future(published(client, path.as_uri(), 1))
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=path.as_uri(), language_id="markdown", version=1, text=text)))
    return await waiting


async def change(client: LanguageClient, path: Path, version: int, text: str) -> list[types.Diagnostic]:
    waiting = asyncio.ensure_future(published(client, path.as_uri(), version))
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
    return await waiting


def utf16(line: str, column: int) -> int:
    return len(line[:column - 1].encode("utf-16-le")) // 2


def cli_ranges(path: Path) -> list[tuple[str, int, int, int, int]]:
    """What `contentlint check --format json` reports for the file, as LSP ranges (0-based, UTF-16)."""
    _code, out, _err = run(["check", "--format", "json", "--no-cache", str(path)])
    lines = path.read_text(encoding="utf-8").split("\n")
    return sorted((f["rule"], f["line"] - 1, utf16(lines[f["line"] - 1], f["column"]), f["end_line"] - 1,
                   utf16(lines[f["end_line"] - 1], f["end_column"])) for f in json.loads(out)["findings"])


def lsp_ranges(diagnostics: list[types.Diagnostic]) -> list[tuple[Any, int, int, int, int]]:
    return sorted((d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character)
                  for d in diagnostics)


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
async def test_diagnostics_sit_where_the_cli_reports_them(client: LanguageClient, workspace: Path, name: str,
                                                         text: str) -> None:
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
    flagged = {units[2 * d.range.start.character:2 * d.range.end.character].decode("utf-16-le"): d for d in on_it}
    phrase = next(p for p in ("Buy now", "今すぐ購入", "立即购买") if p in flagged)
    start, end = flagged[phrase].range.start.character, flagged[phrase].range.end.character
    assert lines[emoji_line][start:end] != phrase  # counted in code points it would be one character off
    by_rule = {d.code: d for d in diagnostics}
    hard_sell = by_rule["hard-sell"]
    assert hard_sell.source == "contentlint"
    assert hard_sell.severity == types.DiagnosticSeverity.Warning
    assert hard_sell.code_description is not None and hard_sell.code_description.href.startswith("file://")
    assert "#L" in hard_sell.code_description.href
