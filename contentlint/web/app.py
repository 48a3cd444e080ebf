"""The Starlette application behind `contentlint serve`: the draft page, the calendar page and a post's page.

Safety: every page is rendered with autoescaping and served under a strict Content-Security-Policy (scripts
only from this server, nothing from other origins); request bodies are limited; a request whose Host header
is not this server's is refused, so a web page elsewhere cannot reach it through DNS rebinding, and a form
posted from another origin is refused too. Nothing is written to disk but the brief editor's save, which changes
only the `brief:` of the page's `.contentlint.yaml` (see brief_file.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from contentlint import i18n
from contentlint.errors import ConfigError
from contentlint.i18n import N_
from contentlint.web import pages
from contentlint.web.brief_file import BriefFile
from contentlint.web.brief_form import FIELDS_PER_PRODUCT, MAX_PRODUCTS, BriefForm
from contentlint.web.draft import Draft
from contentlint.web.hosts import LOOPBACK_HOSTS
from contentlint.web.service import Engine

STATIC = Path(__file__).resolve().parent / "static"
MAX_BODY_BYTES = 512 * 1024  # a long blog post is tens of kilobytes
MAX_FIELDS = 20 + 1 + FIELDS_PER_PRODUCT * MAX_PRODUCTS  # the draft's fields and the brief editor's
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; "
    "img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    # not no-referrer: under it a browser sends `Origin: null` with the page's own form posts
    "referrer-policy": "same-origin",
    "cache-control": "no-store",
}


class SameOrigin:
    """Adds the security headers to every response, and refuses requests that another site makes the browser
    send: a POST whose Origin is not this server (or is `null`, as from a sandboxed frame), and any request the
    browser marks as cross-site (Fetch Metadata) other than following a link to a page, so that a page elsewhere
    can neither post drafts nor make the server re-read its files with an <img>."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if not _same_site(scope):
            await PlainTextResponse("Cross-origin request refused", status_code=403)(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                response_headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    response_headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _same_site(scope: Scope) -> bool:
    headers = Headers(scope=scope)
    site = headers.get("sec-fetch-site")
    if site == "cross-site" and not (scope["method"] == "GET" and headers.get("sec-fetch-mode") == "navigate"):
        return False
    if scope["method"] in ("GET", "HEAD"):
        return True
    origin = headers.get("origin")
    if origin is None or origin == "null":  # no origin to compare: trust only the browser's own marking
        return site == "same-origin" or (origin is None and site is None)
    return origin.split("://", 1)[-1].lower() == (headers.get("host") or "").lower()


LANGUAGE_COOKIE = "contentlint-lang"


def page_language(request: Request, default: str) -> str:
    """The interface language of a page: the one picked in the page's switcher (``?lang=``, then remembered in a
    cookie), else the browser's (Accept-Language), else the server's (``--ui-lang`` or its locale)."""
    for picked in (request.query_params.get("lang"), request.cookies.get(LANGUAGE_COOKIE)):
        if picked in i18n.UI_LANGUAGES:
            return picked
    return i18n.from_accept_language(request.headers.get("accept-language")) or default


def localised(request: Request, response: Response, language: str) -> Response:
    """The response, saying its language; a language picked in the switcher is remembered for the next pages
    (and for the drafts the page's script posts)."""
    response.headers["content-language"] = language
    response.headers["vary"] = "Accept-Language, Cookie"
    if request.query_params.get("lang") == language:
        response.set_cookie(
            LANGUAGE_COOKIE, language, max_age=365 * 24 * 3600, path="/", samesite="strict", httponly=True
        )
    return response


def create_app(
    engine: Engine, allowed_hosts: Iterable[str] = LOOPBACK_HOSTS, language: str = i18n.DEFAULT
) -> Starlette:
    """The application; ``language`` is the interface language for browsers that ask for none of ours."""
    has_paths = bool(engine.paths)

    brief_file = BriefFile.for_server(engine.options.config_file, engine.options.use_config_files, Path.cwd())

    async def read_form(request: Request) -> dict[str, str]:
        async with request.form(max_files=0, max_fields=MAX_FIELDS) as form:
            return {key: value for key, value in form.items() if isinstance(value, str)}

    async def read_draft(request: Request) -> Draft:
        return Draft.from_form(await read_form(request))

    def saved_editor(lang: str) -> pages.BriefEditor:
        """The editor filled from the config file as it is now (an error in it in the page's ``lang``)."""
        if brief_file is None:
            return pages.BriefEditor(BriefForm(), None)
        try:
            return pages.BriefEditor(BriefForm.from_brief(brief_file.load().brief), brief_file.path)
        except ConfigError as error:
            return pages.BriefEditor(BriefForm(), brief_file.path, error=str(error.in_language(lang)))

    async def draft_page(request: Request) -> Response:
        lang = page_language(request, language)
        if request.method == "GET":
            editor = await run_in_threadpool(saved_editor, lang)
            return localised(request, HTMLResponse(pages.draft_page(Draft(), None, has_paths, lang, editor)), lang)
        form = await read_form(request)
        draft = Draft.from_form(form)
        posted = BriefForm.from_form(form)  # the editor's unsaved text stays as typed
        editor = (
            pages.BriefEditor(posted, brief_file.path if brief_file else None)
            if posted is not None
            else await run_in_threadpool(saved_editor, lang)
        )
        result = None if draft.empty else await run_in_threadpool(engine.analyse, draft, lang)
        return localised(request, HTMLResponse(pages.draft_page(draft, result, has_paths, lang, editor)), lang)

    def save_brief(editor: BriefForm, lang: str) -> tuple[int, str | None]:
        """Saves the editor's brief into the page's config and reads the configs again (HTTP status, error in the
        page's ``lang``)."""
        if brief_file is None:
            return 409, pages.NO_CONFIG
        try:
            brief = editor.brief()
        except ValueError as error:  # its message an `i18n.Text` (str() of the error would be its English)
            message = error.args[0] if error.args and isinstance(error.args[0], str) else str(error)
            return 400, i18n.localise(message, lang)
        try:
            brief_file.save(brief)
        except ConfigError as error:
            return 400, str(error.in_language(lang))
        engine.reload()
        return 200, None

    async def brief(request: Request) -> Response:
        """The brief editor's save: on success the draft's rewrites are made again with the new brief."""
        lang = page_language(request, language)
        form = await read_form(request)
        draft = Draft.from_form(form)
        editor = BriefForm.from_form(form) or BriefForm()
        status, error = await run_in_threadpool(save_brief, editor, lang)
        shown = pages.BriefEditor(editor, brief_file.path if brief_file else None, saved=status == 200, error=error)
        result = None if draft.empty else await run_in_threadpool(engine.analyse, draft, lang)
        return localised(
            request, HTMLResponse(pages.draft_page(draft, result, has_paths, lang, shown), status_code=status), lang
        )

    async def analyse(request: Request) -> Response:
        lang = page_language(request, language)
        draft = await read_draft(request)
        result = None if draft.empty else await run_in_threadpool(engine.analyse, draft, lang)
        return localised(request, HTMLResponse(pages.draft_result(draft, result, lang)), lang)

    async def calendar_page(request: Request) -> Response:
        lang = page_language(request, language)
        if not has_paths:
            return localised(
                request,
                HTMLResponse(
                    pages.message_page(
                        N_("No calendar given"),
                        N_(
                            "Start the server with a calendar file or a folder of posts, e.g. "
                            "contentlint serve samples/"
                        ),
                        has_paths,
                        lang,
                    ),
                    status_code=404,
                ),
                lang,
            )
        return localised(
            request, HTMLResponse(pages.calendar_page(await run_in_threadpool(engine.served), engine.paths, lang)), lang
        )

    async def post_page(request: Request) -> Response:
        lang = page_language(request, language)
        path = request.query_params.get("path", "")
        line = request.query_params.get("line", "")
        page = None
        if has_paths and re.fullmatch(r"[0-9]{1,9}", line):
            page = pages.post_page(await run_in_threadpool(engine.served), path, int(line), lang)
        if page is None:
            return localised(
                request,
                HTMLResponse(
                    pages.message_page(
                        N_("No such post"),
                        N_("This post is not among the files this server was started with."),
                        has_paths,
                        lang,
                    ),
                    status_code=404,
                ),
                lang,
            )
        return localised(request, HTMLResponse(page), lang)

    routes = [
        Route("/", draft_page, methods=["GET", "POST"]),
        Route("/analyse", analyse, methods=["POST"]),
        Route("/brief", brief, methods=["POST"]),
        Route("/calendar", calendar_page),
        Route("/post", post_page),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    middleware = [
        Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts), www_redirect=False),
        Middleware(SameOrigin),
    ]
    return Starlette(routes=routes, middleware=middleware, max_body_size=MAX_BODY_BYTES)
