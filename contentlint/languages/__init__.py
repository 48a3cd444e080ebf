"""The supported languages, in the order detection asks them. Adding a language is one module here (its
`Language` profile) and one line below, plus its trained model under contentlint/models/ and its rule packs."""

from __future__ import annotations

from contentlint.languages import en, ja, zh
from contentlint.languages.base import Language, TextCounts
from contentlint.languages.unsupported import unsupported

__all__ = ["DEFAULT", "LANGUAGES", "Language", "codes", "detect", "find", "get", "is_supported"]

LANGUAGES: tuple[Language, ...] = (
    ja.LANGUAGE,  # kana: Japanese, even with Han in it
    zh.LANGUAGE,
    en.LANGUAGE,
)
DEFAULT = en.LANGUAGE  # what a text no language claims is read as, unless it is clearly one we do not support


def codes() -> tuple[str, ...]:
    """The supported language codes, in a fixed order (en, ja, zh): the order lists are shown in."""
    return tuple(sorted(language.code for language in LANGUAGES))


def is_supported(code: str) -> bool:
    return find(code) is not None


def find(code: str) -> Language | None:
    """The profile of ``code``, or None for a language we do not support."""
    return next((language for language in LANGUAGES if language.code == code), None)


def get(code: str) -> Language:
    """The profile of a supported language; KeyError for any other code."""
    language = find(code)
    if language is None:
        raise KeyError(code)
    return language


def detect(text: str) -> str:
    """The language ``text`` is written in: the first language that claims it, else the tag of a language we do
    not support when the text clearly is one (`ko`, `fr` ... or `und`), else the default (English)."""
    counts = TextCounts.of(text)
    for language in LANGUAGES:
        if language.claims(counts):
            return language.code
    return unsupported(counts) or DEFAULT.code
