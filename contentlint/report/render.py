"""Jinja2 rendering: the package's templates (autoescaped for HTML) and user templates in the sandbox."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from contentlint.errors import ConfigError
from contentlint.fileio import cache_home, read_regular_text
from contentlint.i18n import DEFAULT, N_, Text, translations
from contentlint.report.printable import code_escape, markdown_escape, visible

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _finalize(value: object) -> object:
    # Every `{{ ... }}` passes here before autoescaping. Markup is what our own macros and filters made.
    if isinstance(value, str) and not isinstance(value, Markup):
        return visible(value)
    return value


def _configure(env: Environment, language: str) -> Environment:
    env.filters["md"] = markdown_escape
    env.filters["code"] = code_escape
    env.trim_blocks = False
    # `{% trans %}` blocks are written over several lines; trimmed, their text is one line in the catalogue
    # (babel.cfg extracts with the same policy).
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_translations(translations(language), newstyle=True)  # type: ignore[attr-defined]
    return env


def template_environment(*folders: Path, bytecode_cache: bool = True, language: str = DEFAULT) -> Environment:
    """An environment over ``folders`` (searched in order) and then the report templates, so other pages can
    include the report's parts, speaking ``language``. Autoescape is on for HTML (and XML); Markdown output
    escapes through the `md` filter. Without ``bytecode_cache`` nothing is written to disk (the web server)."""
    return _configure(
        Environment(
            loader=FileSystemLoader([str(f) for f in (*folders, TEMPLATES)]),
            undefined=StrictUndefined,
            autoescape=select_autoescape(["html", "html.j2", "xml"]),
            keep_trailing_newline=True,
            finalize=_finalize,
            extensions=["jinja2.ext.i18n"],
            bytecode_cache=_bytecode_cache() if bytecode_cache else None,
        ),
        language,
    )


@lru_cache(maxsize=4)
def package_environment(language: str = DEFAULT) -> Environment:
    # Compiled templates are kept next to the result cache, so a short run does not compile them again. They
    # call gettext when rendered, so one compiled template serves every language.
    return template_environment(language=language)


def _bytecode_cache() -> Any:
    from jinja2 import FileSystemBytecodeCache

    # Environment options (finalize) are compiled into the bytecode but are not part of its cache key, so the
    # folder's name changes whenever they do.
    folder = cache_home() / "templates-3"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))


def render_package(name: str, view: dict[str, Any], language: str = DEFAULT) -> str:
    return package_environment(language).get_template(name).render(**view)


def render_user(path: Path, view: dict[str, Any], language: str = DEFAULT) -> str:
    """A user's template, rendered in Jinja2's sandbox with autoescape on: it can format, not execute. It may
    use `{% trans %}` and `_()`; they speak ``language`` where our catalogue has the message."""
    try:
        source = read_regular_text(path)
    except (OSError, UnicodeDecodeError) as exc:
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise ConfigError(Text(N_("cannot read template: {problem}"), problem=str(detail)), str(path)) from None
    from jinja2.sandbox import SandboxedEnvironment  # only for a user's own template

    env = _configure(
        SandboxedEnvironment(
            autoescape=True, keep_trailing_newline=True, finalize=_finalize, extensions=["jinja2.ext.i18n"]
        ),
        language,
    )
    try:
        return env.from_string(source).render(**view)
    except Exception as exc:
        raise ConfigError(Text(N_("template error: {problem}"), problem=str(exc)), str(path)) from None
