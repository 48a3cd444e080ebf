"""`contentlint lsp` for an editor that says `locale: "zh-CN"` at initialize: hover, code-action titles and error
diagnostics (a config error) in Chinese, whatever the server's own locale; finding messages follow the post."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

from contentlint.i18n import LOCALE_VARIABLES
from tests.helpers import lsp_server, open_document, vscode_session

pytestmark = [pytest.mark.lsp, pytest.mark.asyncio(loop_scope="module")]
SERVER = lsp_server()
# the editor's locale wins over the server's
SERVER.server_env = {**{k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}, "LANG": "ja_JP.UTF-8"}
ZH = (
    "---\ntitle: 双十一限时秒杀\nchannel: weibo\n---\n#双十一# 云账本专业版限时秒杀！👉全网最低价，五折起，"
    "手慢无！立即购买\n"
)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("chinese")


@pytest_lsp.fixture(scope="module", config=SERVER)
async def client(lsp_client: LanguageClient, workspace: Path):  # type: ignore[no-untyped-def]
    await vscode_session(lsp_client, workspace, "zh-CN")
    yield
    await lsp_client.shutdown_session()


async def test_hover_and_code_actions_are_chinese(client: LanguageClient, workspace: Path) -> None:
    path = workspace / "sale.md"
    diagnostics = await open_document(client, path, ZH)
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()), position=types.Position(line=1, character=9)
        )
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert "购买阶段：" in hover.contents.value and "Stage:" not in hover.contents.value
    line = next(d.range.start.line for d in diagnostics if d.code == "hard-sell")
    here = types.Range(start=types.Position(line=line, character=0), end=types.Position(line=line, character=0))
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
            range=here,
            context=types.CodeActionContext(diagnostics=[d for d in diagnostics if d.range.start.line == line]),
        )
    )
    titles = {a.title for a in actions or []}
    assert "在下一行禁用 hard-sell" in titles and not [t for t in titles if t.startswith("Disable")]


async def test_a_config_error_is_chinese(client: LanguageClient, workspace: Path) -> None:
    folder = workspace / "configured"
    folder.mkdir()
    (folder / ".contentlint.yaml").write_text("rules: {no-such-rule: off}\n", encoding="utf-8")
    diagnostics = await open_document(client, folder / "post.md", ZH)
    (error,) = [d for d in diagnostics if d.code == "config-error"]
    assert "rules：没有 ID 为 `no-such-rule` 的规则" in error.message
