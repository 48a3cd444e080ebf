"""The interface language: which one a run or a web request speaks, and its gettext catalogue.

Interface text (report headings, labels, counts, the web page) is translated through gettext catalogues under
``contentlint/locale/<lang>/LC_MESSAGES/contentlint.mo``, kept with Babel (see babel.cfg and
``tools/catalogues.py``). Finding messages are not interface text: they follow each post's language.
The language is ``--ui-lang``, else the user's locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``), else English;
the web page asks the browser (``Accept-Language``) first.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "contentlint"
UI_LANGUAGES = ("en", "ja", "zh")
DEFAULT = "en"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # POSIX precedence: the first one set decides


def N_(message: str) -> str:
    """Marks a message for extraction where it is defined; it is translated where it is shown."""
    return message


class Text(str):
    """Interface text made where the language is not known yet (a config error raised in the core): it reads as
    its English, so code that only passes it on needs nothing, and it keeps its gettext template and values so that
    whoever shows it can show it in the interface language (`localise`). Values that are Texts are translated too.
    The template is marked with `N_` where it is written, so that Babel extracts it."""

    template: str
    values: Mapping[str, Any]

    def __new__(cls, template: str, **values: Any) -> Text:
        text = super().__new__(cls, template.format(**values))
        text.template = template
        text.values = values
        return text

    def __reduce__(self) -> tuple[Any, ...]:  # str's own would rebuild it from the English text
        return _text, (self.template, dict(self.values))


def _text(template: str, values: dict[str, Any]) -> Text:
    return Text(template, **values)


def localise(text: str, language: str) -> str:
    """``text`` in ``language``: a `Text` through the catalogue, any other string as it is."""
    if not isinstance(text, Text):
        return text
    values = {
        name: localise(value, language) if isinstance(value, str) else value for name, value in text.values.items()
    }
    return translations(language).gettext(text.template).format(**values)


def reason(exc: BaseException) -> str:
    """What ``exc`` says: the `Text` it was raised with, kept as one (``str(exc)`` would make it plain English),
    else its string."""
    message = exc.args[0] if len(exc.args) == 1 else None
    return message if isinstance(message, Text) else str(exc)


def supported(tag: str | None) -> str | None:
    """The interface language a locale name or language tag asks for (``ja_JP.UTF-8``, ``zh-Hans-CN``, ``en``),
    or None for one we have no catalogue for (``C`` and ``POSIX`` are English)."""
    if not tag:
        return None
    name = tag.split(".", 1)[0].split("@", 1)[0].strip().lower()
    if name in ("c", "posix"):
        return DEFAULT
    primary = name.replace("_", "-").split("-", 1)[0]
    return primary if primary in UI_LANGUAGES else None


def from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language of the user's locale: the first of LC_ALL, LC_MESSAGES, LANG that is set; else English."""
    env = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = env.get(name)
        if value:
            return supported(value) or DEFAULT
    return DEFAULT


def resolve(requested: str | None, environ: Mapping[str, str] | None = None) -> str:
    """``--ui-lang`` when given, else the locale's language."""
    return supported(requested) or from_environment(environ)


def from_accept_language(header: str | None) -> str | None:
    """The most preferred of our languages in an HTTP Accept-Language header (``ja,en-US;q=0.8``), or None."""
    choices: list[tuple[float, int, str]] = []
    for position, part in enumerate((header or "").split(",")[:32]):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        language = supported(tag.strip()) if tag.strip() not in ("*", "") else None
        if language is not None and quality > 0:
            choices.append((-quality, position, language))
    return min(choices)[2] if choices else None


@lru_cache(maxsize=len(UI_LANGUAGES))
def translations(language: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``language``; English (the source text) has none."""
    if language == DEFAULT:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, str(LOCALE_DIR), [language], fallback=True)
