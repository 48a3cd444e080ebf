"""The web pages as HTML strings, rendered from the same view (`build_view`) and template parts as the HTML
report. Nothing here knows about HTTP."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment
from markupsafe import Markup

from contentlint.calendar.entries import CLOSED_CHANNELS, OPEN_CHANNELS
from contentlint.i18n import DEFAULT, N_, UI_LANGUAGES, translations
from contentlint.lang import SUPPORTED
from contentlint.post import Finding
from contentlint.report.render import template_environment
from contentlint.report.view import build_view
from contentlint.result import Result
from contentlint.web.brief_form import AUDIENCES, BriefForm, product_field
from contentlint.web.draft import Draft

TEMPLATES = Path(__file__).resolve().parent / "templates"
# Each language by its own name: the switcher and the draft's language menu read the same whatever the page's
# language, so a writer finds theirs.
ENDONYMS = {"en": "English", "ja": "日本語", "zh": "中文"}
NO_CONFIG = N_("The server was started with `--no-config`, so there is no config file to save the brief in.")


@dataclass(frozen=True, slots=True)
class BriefEditor:
    """The brief editor panel: its fields, the config file it saves to (None: none, --no-config), and the outcome
    of the last save (``error`` is the config loader's text, or a catalogue message)."""

    form: BriefForm
    path: Path | None
    saved: bool = False
    error: str | None = None

    def view(self, language: str) -> dict[str, object]:
        error = translations(language).gettext(self.error) if self.error == NO_CONFIG else self.error
        return {
            "rows": self.form.rows(),
            "audiences": self.form.audiences,
            "path": _shown_path(self.path),
            "can_save": self.path is not None,
            "saved": self.saved,
            "error": error,
            "audiences_field": AUDIENCES,
            "field": product_field,
        }


def _shown_path(path: Path | None) -> str | None:
    """The config file as the writer knows it: relative to the server's folder when it is inside it."""
    if path is None:
        return None
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive
        return path.as_posix()
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


@lru_cache(maxsize=len(UI_LANGUAGES))
def environment(language: str = DEFAULT) -> Environment:
    # Compiled in memory only: the server writes nothing to disk.
    env = template_environment(TEMPLATES, bytecode_cache=False, language=language)
    # A form field gives the writer's text back as typed (escaped, but control characters are not spelled out
    # as they are in reports), so that posting the form again does not change the draft.
    env.filters["field"] = Markup.escape
    return env


def _render(
    name: str,
    view: dict[str, Any],
    has_paths: bool,
    language: str,
    here: str = "/",
    query: dict[str, Any] | None = None,
) -> str:
    """A page in ``language``; its language switcher links to the same page (``here`` with ``query``) in each
    language."""
    switch = [(code, ENDONYMS[code], here + "?" + urlencode({**(query or {}), "lang": code})) for code in UI_LANGUAGES]
    return (
        environment(language)
        .get_template(name)
        .render(**{**view, "ui_lang": language}, has_paths=has_paths, ui_languages=switch)
    )


def post_href(path: str, line: int) -> str:
    return "/post?" + urlencode({"path": path, "line": line})


def draft_view(draft: Draft, result: Result | None, language: str) -> dict[str, Any]:
    view = build_view(result if result is not None else Result(), language)
    catalogue = translations(language)
    return {
        **view,
        "draft": draft,
        "checked": result is not None,
        "locate": lambda finding: draft.where(finding, catalogue),
        "languages": [(code, view["names"]["languages"][code]) for code in SUPPORTED],
        "channels": sorted(set(OPEN_CHANNELS) | set(CLOSED_CHANNELS)),
    }


def draft_page(
    draft: Draft, result: Result | None, has_paths: bool, language: str = DEFAULT, editor: BriefEditor | None = None
) -> str:
    """The form with the draft's analysis below it (none before the first check), and the brief editor."""
    shown = editor or BriefEditor(BriefForm(), None)
    return _render(
        "draft.html.j2", {**draft_view(draft, result, language), "brief": shown.view(language)}, has_paths, language
    )


def draft_result(draft: Draft, result: Result | None, language: str = DEFAULT) -> str:
    """Only the analysis, which the page's script swaps in as the writer types."""
    return _render("_draft_result.html.j2", draft_view(draft, result, language), False, language)


def calendar_page(result: Result, paths: list[str], language: str = DEFAULT) -> str:
    """Each calendar or feed (mix against target, per channel, timeline, gate) with its posts, then the posts
    that are in none, each linking to its analysis."""
    view = build_view(result, language)
    listed: set[tuple[str, int]] = set()
    for cal in view["calendars"]:
        cal["entries"] = []
        for event, entry in zip(cal["timeline"], cal["report"].results, strict=True):
            post = entry.entry.post
            href = post_href(post.path, post.line) if post is not None else None
            cal["entries"].append({**event, "href": href, "lang": post.lang if post is not None else language})
            if post is not None:
                listed.add((post.path, post.line))
    others = [
        {"post": p["post"], "findings": len(p["findings"]), "href": post_href(p["post"].path, p["post"].line)}
        for p in view["posts"]
        if (p["post"].path, p["post"].line) not in listed
    ]
    return _render("calendar.html.j2", {**view, "paths": paths, "other_posts": others}, True, language, "/calendar")


def post_page(result: Result, path: str, line: int, language: str = DEFAULT) -> str | None:
    """One post of the served PATHs as its report card; None when the run has no such post."""
    view = build_view(result, language)
    catalogue = translations(language)
    chosen = next((p for p in view["posts"] if p["post"].path == path and p["post"].line == line), None)
    if chosen is None:
        return None

    def locate(finding: Finding) -> str:  # the card names the file already
        if finding.path == path:
            return catalogue.gettext("line {line}, column {column}").format(line=finding.line, column=finding.column)
        return f"{finding.path}:{finding.line}:{finding.column}"

    return _render(
        "post.html.j2",
        {**view, "chosen": chosen, "locate": locate},
        True,
        language,
        "/post",
        {"path": path, "line": line},
    )


def message_page(title: str, text: str, has_paths: bool, language: str = DEFAULT) -> str:
    """A short page; ``title`` and ``text`` are catalogue messages, shown in ``language``."""
    catalogue = translations(language)
    return _render(
        "message.html.j2", {"title": catalogue.gettext(title), "text": catalogue.gettext(text)}, has_paths, language
    )
