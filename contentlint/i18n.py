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

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "contentlint"
UI_LANGUAGES = ("en", "ja", "zh")
DEFAULT = "en"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # POSIX precedence: the first one set decides


def N_(message: str) -> str:
    """Marks a message for extraction where it is defined; it is translated where it is shown."""
    return message


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
