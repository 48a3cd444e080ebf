"""`contentlint lsp` as Neovim meets it: UTF-8 positions (Neovim prefers them), a Japanese interface, and the
shutdown/exit handshake ending the process cleanly, driven by pytest-lsp with Neovim's capabilities (a real Neovim
runs in test_neovim_editor.py)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient, client_capabilities

from tests.helpers import lsp_server, published

pytestmark = [pytest.mark.lsp, pytest.mark.asyncio(loop_scope="module")]
SERVER = lsp_server()
JA = (
    "---\ntitle: 🎉春のセール：今すぐ購入\n---\n新製品が発売されました。🚀今すぐ購入してください。"
    "期間限定で全品30%オフです。\n"
)
ENCODING: dict[str, str] = {}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("neovim")


@pytest_lsp.fixture(scope="module", config=SERVER)
async def client(lsp_client: LanguageClient, workspace: Path):  # type: ignore[no-untyped-def]
    capabilities = client_capabilities("neovim@v0.11.0")
    result = await lsp_client.initialize_session(
        types.InitializeParams(capabilities=capabilities, root_uri=workspace.as_uri(), locale="ja_JP")
    )
    ENCODING["chosen"] = str(result.capabilities.position_encoding)
    yield
    await lsp_client.shutdown_session()


async def test_positions_are_utf8_bytes_when_the_client_prefers_them(client: LanguageClient, workspace: Path) -> None:
    assert ENCODING["chosen"] == types.PositionEncodingKind.Utf8
    path = workspace / "ja.md"
    waiting = published(path.as_uri(), 1)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=path.as_uri(), language_id="markdown", version=1, text=JA)
        )
    )
    diagnostics = await waiting
    line = JA.split("\n")[3].encode("utf-8")
    flagged = {
        line[d.range.start.character : d.range.end.character].decode("utf-8")
        for d in diagnostics
        if d.code == "hard-sell" and d.range.start.line == 3
    }
    assert {"今すぐ購入", "期間限定"} <= flagged
    assert any("、" in d.message or "。" in d.message for d in diagnostics)  # finding messages: the post's language


async def test_the_interface_follows_the_editor_locale(client: LanguageClient, workspace: Path) -> None:
    path = workspace / "ja.md"
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=types.Position(line=1, character=9)
        )
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert "contentlint：**セール**（`sale`、販促）" in hover.contents.value
    assert "購買段階：**購入のとき**（`at`）" in hover.contents.value


async def test_shutdown_then_exit_ends_the_server_with_0(client: LanguageClient) -> None:
    server = client._server
    assert server is not None and server.returncode is None
    await client.shutdown_session()
    client.capabilities = None  # the fixture's own shutdown has nothing left to do
    assert await asyncio.wait_for(server.wait(), 10) == 0
