"""The language server: lints each open Markdown or YAML document from the editor's text, on open and as it is
typed (debounced; the newest text wins), with spaCy loaded once and kept warm; hover and code actions on titles."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.workspace import TextDocument

from contentlint.config import CONFIG_NAMES
from contentlint.lsp.actions import OPEN_DOCS, code_actions
from contentlint.lsp.document import SOURCE, Snapshot, analyse
from contentlint.lsp.hover import hover
from contentlint.lsp.positions import UTF16, LineIndex
from contentlint.lsp.texts import language_of, text
from contentlint.lsp.worker import Worker
from contentlint.run import Runner, RunOptions
from contentlint.sources import readers
from contentlint.version import __version__

DEBOUNCE_SECONDS = 0.3
SUFFIX_OF_LANGUAGE = {"markdown": ".md", "mdx": ".mdx", "yaml": ".yaml", "csv": ".csv"}
# Warmed at start-up, so that the writer's first document does not wait for the pipelines to load.
WARM_UP = (
    ("warm-up.md", "---\ntitle: Spring sale\n---\nBuy now: 30% off.\n"),
    ("warm-up-ja.md", "---\ntitle: 春のセール\nlang: ja\n---\n今すぐ購入。\n"),
    ("warm-up-zh.md", "---\ntitle: 春季促销\nlang: zh\n---\n立即购买。\n"),
)
log = logging.getLogger(__name__)


class ContentlintServer(LanguageServer):
    """One Runner, used by one worker thread: analyses run one at a time off the event loop, so hovers and code
    actions are answered while a long post is analysed."""

    def __init__(self, options: RunOptions, debounce: float = DEBOUNCE_SECONDS) -> None:
        super().__init__("contentlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.options = replace(options, cache_dir=None, jobs=1, keep_excerpts=False)
        self.runner = Runner(self.options)
        self.debounce = debounce
        self.analyser = Worker("contentlint-analysis")
        self.snapshots: dict[str, Snapshot] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.ui = self.options.ui_lang  # until the client says its locale
        self.encoding = UTF16  # the position encoding agreed at initialize

    def speak(self, locale: str | None) -> None:
        """Hover, code actions and diagnostics (config and input errors too) in the editor's ``locale``, else in
        the language of the server's own locale. Called at initialize, before anything is analysed."""
        self.ui = language_of(locale, self.options.ui_lang)
        if self.ui != self.options.ui_lang:
            self.options = replace(self.options, ui_lang=self.ui)
            self.runner = Runner(self.options)

    def schedule(self, uri: str, delay: float) -> None:
        """Lint ``uri`` after ``delay`` seconds; a later call for the same document replaces this one."""
        earlier = self.pending.pop(uri, None)
        if earlier is not None:
            earlier.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._lint_later(uri, delay))

    async def _lint_later(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        document = self.workspace.get_text_document(uri)
        version, source, path = document.version, document.source, document_path(document)
        snapshot = await asyncio.get_running_loop().run_in_executor(self.analyser, self._analyse, source, path, version)
        if self.pending.get(uri) is not asyncio.current_task():
            return  # the document was edited or closed meanwhile: a newer request wins
        del self.pending[uri]
        self.snapshots[uri] = snapshot
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=snapshot.diagnostics)
        )

    def _analyse(self, source: str, path: Path, version: int | None) -> Snapshot:
        """Never raises: a failure is the document's one diagnostic and the server goes on."""
        try:
            return analyse(self.runner, source, path, version, self.encoding)
        except Exception as exc:
            log.exception("contentlint failed on %s", path)
            return failed(version, exc, self.ui, LineIndex(source, self.encoding))

    async def reload(self) -> None:
        """A config changed: load configs and rule packs afresh (after any analysis under way), lint all again."""

        def fresh() -> None:
            self.runner = Runner(self.options)

        await asyncio.get_running_loop().run_in_executor(self.analyser, fresh)
        for uri in list(self.snapshots) + [u for u in self.pending if u not in self.snapshots]:
            self.schedule(uri, 0)

    def warm_up(self) -> None:
        def run() -> None:
            for name, source in WARM_UP:
                self._analyse(source, Path.cwd() / name, None)

        self.analyser.submit(run)

    def forget(self, uri: str) -> None:
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.snapshots.pop(uri, None)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


def failed(version: int | None, exc: Exception, ui: str, index: LineIndex) -> Snapshot:
    message = text(ui, "failed", error=f"{type(exc).__name__}: {exc}")
    diagnostic = types.Diagnostic(
        range=types.Range(start=index.position(1, 1), end=index.line_end(1)),
        message=message,
        severity=types.DiagnosticSeverity.Error,
        code="internal-error",
        source=SOURCE,
    )
    return Snapshot(version, [diagnostic])


def document_path(document: TextDocument) -> Path:
    """Where the document is, or would be: an unsaved one is linted as a file of its language in the current
    folder (so the config there applies)."""
    if urlsplit(document.uri).scheme == "file" and document.path:
        return Path(document.path)
    return Path.cwd() / f"untitled{SUFFIX_OF_LANGUAGE.get(document.language_id or '', '.md')}"


def linted(document: TextDocument) -> bool:
    """Posts and calendars; the config files themselves are not."""
    path = document_path(document)
    return path.suffix.lower() in readers.suffixes() and path.name not in CONFIG_NAMES


def is_config(uri: str) -> bool:
    return Path(urlsplit(uri).path).name in CONFIG_NAMES


def build(options: RunOptions, debounce: float = DEBOUNCE_SECONDS) -> ContentlintServer:
    server = ContentlintServer(options, debounce)

    @server.feature(types.INITIALIZE)
    def initialize(ls: ContentlintServer, params: types.InitializeParams) -> None:
        ls.speak(params.locale)
        ls.encoding = str(ls.workspace.position_encoding or UTF16)

    @server.feature(types.INITIALIZED)
    def initialized(ls: ContentlintServer, _params: types.InitializedParams) -> None:
        watched = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
        if watched and watched.dynamic_registration:
            watchers = [types.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_NAMES]
            ls.client_register_capability(
                types.RegistrationParams(
                    registrations=[
                        types.Registration(
                            id="contentlint-config",
                            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                            register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
                        )
                    ]
                )
            )
        ls.warm_up()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ContentlintServer, params: types.DidOpenTextDocumentParams) -> None:
        if linted(ls.workspace.get_text_document(params.text_document.uri)):
            ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ContentlintServer, params: types.DidChangeTextDocumentParams) -> None:
        if linted(ls.workspace.get_text_document(params.text_document.uri)):
            ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: ContentlintServer, params: types.DidSaveTextDocumentParams) -> None:
        if is_config(params.text_document.uri):
            await ls.reload()

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ContentlintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    async def watched_files(ls: ContentlintServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(is_config(change.uri) for change in params.changes):
            await ls.reload()

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: ContentlintServer, params: types.HoverParams) -> types.Hover | None:
        snapshot = ls.snapshots.get(params.text_document.uri)
        return hover(snapshot, params.position, ls.ui) if snapshot is not None else None

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.RefactorRewrite]
        ),
    )
    def on_code_action(
        ls: ContentlintServer, params: types.CodeActionParams
    ) -> list[types.CodeAction | types.Command] | None:
        uri = params.text_document.uri
        snapshot = ls.snapshots.get(uri)
        if snapshot is None:
            return None
        document = ls.workspace.get_text_document(uri)
        if snapshot.version != document.version:  # edited since: a title edit would land on stale ranges
            snapshot = Snapshot(snapshot.version, snapshot.diagnostics)
        return code_actions(
            snapshot,
            uri,
            document_path(document).name,
            document.source,
            params.range,
            params.context.diagnostics,
            ls.ui,
        )

    @server.command(OPEN_DOCS)
    async def open_docs(ls: ContentlintServer, href: str) -> None:
        await ls.window_show_document_async(show_document(href))

    return server


def show_document(href: str) -> types.ShowDocumentParams:
    """Open a rule's documentation: a file in the editor at the rule's line (`#L12`), a web page outside it."""
    parts = urlsplit(href)
    if parts.scheme != "file":
        return types.ShowDocumentParams(uri=href, external=True)
    line = int(parts.fragment[1:]) - 1 if parts.fragment[1:].isdigit() else 0
    at = types.Position(line=max(line, 0), character=0)
    return types.ShowDocumentParams(
        uri=urlunsplit(parts._replace(fragment="")), take_focus=True, selection=types.Range(start=at, end=at)
    )


def serve(options: RunOptions) -> None:
    """Serve over stdin/stdout until the client says exit."""
    build(options).start_io()
