"""Jinja2 rendering: the package's templates (autoescaped for HTML) and user templates in the sandbox."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from jinja2.sandbox import SandboxedEnvironment

from contentlint.errors import ConfigError

TEMPLATES = Path(__file__).resolve().parent / "templates"
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#<>&])")
_MD_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def markdown_escape(value: Any) -> str:
    """Text safe inside a Markdown table cell: no markup, no HTML, one line."""
    text = " ".join(str(value).split())
    return _MD_SPECIAL.sub(lambda m: _MD_ENTITIES.get(m.group(1), "\\" + m.group(1)), text)


def code_escape(value: Any) -> str:
    """Text safe inside a Markdown code span: no backticks, no line breaks."""
    return " ".join(str(value).split()).replace("`", "'")


def _configure(env: Environment) -> Environment:
    env.filters["md"] = markdown_escape
    env.filters["code"] = code_escape
    env.trim_blocks = False
    return env


@lru_cache(maxsize=1)
def package_environment() -> Environment:
    # Autoescape is on for HTML (and XML); Markdown output escapes through the `md` filter. Compiled templates
    # are kept next to the result cache, so a short run does not compile them again.
    return _configure(Environment(loader=FileSystemLoader(str(TEMPLATES)), undefined=StrictUndefined,
                                  autoescape=select_autoescape(["html", "html.j2", "xml"]),
                                  keep_trailing_newline=True, bytecode_cache=_bytecode_cache()))


def _bytecode_cache() -> Any:
    from jinja2 import FileSystemBytecodeCache

    from contentlint.cache import default_dir

    folder = default_dir() / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))


def render_package(name: str, view: dict[str, Any]) -> str:
    return package_environment().get_template(name).render(**view)


def render_user(path: Path, view: dict[str, Any]) -> str:
    """A user's template, rendered in Jinja2's sandbox with autoescape on: it can format, not execute."""
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read template: {exc}", str(path)) from None
    env = _configure(SandboxedEnvironment(autoescape=True, keep_trailing_newline=True))
    try:
        return env.from_string(source).render(**view)
    except Exception as exc:  # noqa: BLE001 - any template error is the template author's to fix
        raise ConfigError(f"template error: {exc}", str(path)) from None
