"""What tests share, in one module: no test module imports another. Fixtures are in conftest.py."""

from __future__ import annotations

import asyncio
import hashlib
import sys
from collections.abc import Awaitable, Callable
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner

from contentlint.checks.pack import Rule, RuleBook, load_packs
from contentlint.cli import cli
from contentlint.packfiles import default_pack_files
from contentlint.post import Finding, Post
from contentlint.sourcemap import SourceFile
from contentlint.sources.decode import decode
from contentlint.sources.post import markdown_post
from contentlint.sources.profile import Profile, load_profile
from contentlint.yamlsafe import load_yaml

if TYPE_CHECKING:
    from lsprotocol import types
    from pytest_lsp import ClientServerConfig, LanguageClient
    from selenium.webdriver import ChromeOptions

REPO = Path(__file__).resolve().parent.parent

# Drafts as real posts are written (a heading, a list, a link, an offer with its terms): the model is rightly unsure
# of bare two-line drafts, so tests that need a sure label use these.
PROMO_JA = (
    "---\ntitle: 春のセール\n---\nオフィス全品30%オフ！今だけの期間限定です。\n"
    "クーポンコード SPRING30 をご入力いただくと、"
    "全プランが30%オフになります。セールは4月19日（日）まで。年間プランのお申し込みも対象です。\n"
)
INSIGHT_EN = (
    "---\ntitle: How to read a churn chart\n---\nYour churn chart hides two different problems. This guide "
    "shows you, step by step, how to separate customers who leave in their first month from those who "
    "leave after a year, and what each group needs from you.\n\n## Split the curve\n\n1. Export sign-up "
    "and cancellation dates.\n2. Group customers by the month they joined.\n3. Compare the curves.\n\n"
    "## Read the two drops\n\nCustomers who leave in the first month usually never reached the moment "
    "the product paid off for them: look at what they did in their first week (see [the onboarding "
    "checklist](https://example.com/onboarding)). Customers who leave after a year are telling you "
    "something else: their needs changed. Treat them as two problems with two different fixes.\n"
)


# A release post with a sale in it, whose product and audience are in its front matter: every editor test's draft,
# and the headline its rewrite code action puts in place of the title.
LAUNCH_DRAFT = (
    '---\ntitle: "Ledgerly 5.0 is out: buy now"\nproduct: Ledgerly\naudience: finance teams\n---\n'
    "Version 5.0 adds scheduled exports so you can reduce the hours spent on reports.\n\n"
    "Update today; 20% off annual plans this week. Buy now!\n"
)
LAUNCH_HEADLINE = "How finance teams reduce the hours spent on reports with Ledgerly"


def run(args: list[str], stdin: bytes | None = None) -> tuple[int, str, str]:
    """The `contentlint` command in this process: (exit code, stdout, stderr)."""
    runner = CliRunner()
    result = runner.invoke(cli, args, input=stdin, standalone_mode=False, catch_exceptions=False)
    code = result.return_value if isinstance(result.return_value, int) else result.exit_code
    return code, result.stdout, result.stderr


def post_from(text: str, path: str = "post.md") -> Post:
    return markdown_post(decode(text.encode("utf-8"), path))


@lru_cache(maxsize=1)
def _shipped() -> RuleBook:
    return load_packs(default_pack_files())


def default_rules() -> dict[str, Rule]:
    """The rules of the shipped packs, by id."""
    return dict(_shipped().rules)


def findings(rule: Rule, text: str) -> list[Finding]:
    """The findings of ``rule`` alone on the Markdown post ``text`` (with the shipped packs' cue lexicon)."""
    from contentlint.analysis.analyser import Analyser
    from contentlint.analysis.docs import with_docs
    from contentlint.checks.engine import RuleSet

    ((post, doc),) = with_docs([post_from(text)])
    return [f for f in RuleSet([rule]).lint(Analyser(_shipped().cues)(post, doc)) if f.rule_id == rule.id]


def profile_of(text: str) -> Profile:
    """A LinkedIn profile read from YAML ``text``."""
    loaded = load_yaml(text, "profile.yaml")
    return load_profile(SourceFile("profile.yaml", text), loaded.data, loaded.node)


def tree_digest(root: Path) -> dict[str, str]:
    """Hash of every file below root, to prove a run left its inputs untouched."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


class Elements(HTMLParser):
    """Every start tag of an HTML page with its attributes, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def finishes_within(seconds: float, work: Callable[[], object]) -> object:
    """``work()``'s result, run in a forked process that is killed after ``seconds``: a super-linear case fails
    here instead of hanging the suite (a thread cannot be stopped inside a C loop that holds the GIL)."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe(duplex=False)

    def target() -> None:
        try:
            child.send(("ok", work()))
        except BaseException as exc:
            child.send(("raised", repr(exc)))

    process = context.Process(target=target, daemon=True)
    process.start()
    ready = parent.poll(seconds)
    if not ready:
        process.kill()
        process.join()
        pytest.fail(f"took longer than {seconds} s")
    status, value = parent.recv()
    process.join()
    assert status == "ok", value
    return value


# `contentlint lsp` driven by a real LSP client. pytest-lsp is imported only by the tests that use it (importing
# it costs the rest of the suite 0.4 s).
LSP_WAIT = 60  # seconds: the first analysis may still be loading spaCy
PUBLISHED: list[types.PublishDiagnosticsParams] = []  # every publishDiagnostics, in order


def lsp_server() -> ClientServerConfig:
    """pytest-lsp's config for a `contentlint lsp` over stdio whose client keeps every publication."""
    from pytest_lsp import ClientServerConfig

    return ClientServerConfig(
        server_command=[sys.executable, "-m", "contentlint", "lsp"], client_factory=_recording_client
    )


def _recording_client() -> LanguageClient:
    """pytest-lsp's client, also keeping every publishDiagnostics (it keeps only the latest per document)."""
    from lsprotocol import types
    from pygls.protocol import default_converter
    from pytest_lsp import LanguageClient
    from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

    client = LanguageClient(converter_factory=default_converter)
    default = DEFAULT_CLIENT_FEATURES[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS]

    # pygls hands the client to a handler whose first parameter is named `ls` (it cannot resolve the annotations of
    # names imported inside this function)
    def publish(ls: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        PUBLISHED.append(params)
        default(ls, params)

    register_lsp_features(client, {**DEFAULT_CLIENT_FEATURES, types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish})
    return client


def published(uri: str, version: int) -> Awaitable[list[types.Diagnostic]]:
    """The diagnostics for ``uri`` at ``version`` that arrive after this call (call it before sending what
    triggers them). Read from the record of every publication, so none is missed between two waits."""
    start = len(PUBLISHED)

    async def until() -> list[types.Diagnostic]:
        while True:
            for params in PUBLISHED[start:]:
                if params.uri == uri and params.version == version:
                    return list(params.diagnostics)
            await asyncio.sleep(0.02)

    return asyncio.wait_for(until(), LSP_WAIT)


async def vscode_session(lsp_client: LanguageClient, workspace: Path, locale: str) -> types.InitializeResult:
    """Initialise ``lsp_client`` as VS Code does (no dynamic file watching), in ``locale``."""
    from lsprotocol import types
    from pytest_lsp import client_capabilities

    capabilities = client_capabilities("visual-studio-code")
    capabilities.workspace.did_change_watched_files.dynamic_registration = False  # type: ignore[union-attr]
    return await lsp_client.initialize_session(
        types.InitializeParams(capabilities=capabilities, root_uri=workspace.as_uri(), locale=locale)
    )


async def open_document(client: LanguageClient, path: Path, text: str) -> list[types.Diagnostic]:
    """Open ``path`` with ``text`` as a Markdown document; its first diagnostics."""
    from lsprotocol import types

    waiting = published(path.as_uri(), 1)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=path.as_uri(), language_id="markdown", version=1, text=text)
        )
    )
    return await waiting


def chromium_options(binary: str, *arguments: str) -> ChromeOptions:
    """Headless Chromium (the machine's ``binary``) as the browser tests run it, plus ``arguments``."""
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        *arguments,
    ):
        options.add_argument(argument)
    return options
