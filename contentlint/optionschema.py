"""A tiny declarative schema for options (rule kinds, cue lexicons): each declares its options once, and an error
names the option."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from contentlint.i18n import N_, Text

Check = Callable[[Any], str | None]  # returns a complaint or None (an i18n.Text: a config error shows it translated)


@dataclass(frozen=True, slots=True)
class Option:
    check: Check
    required: bool = False
    default: Any = None
    help: str = ""


def _is_str(value: Any) -> str | None:
    return None if isinstance(value, str) and value.strip() else Text(N_("expected a non-empty string"))


def _is_number(value: Any) -> str | None:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0
    return None if ok else Text(N_("expected a number >= 0"))


def _is_int(value: Any) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
    return None if ok else Text(N_("expected a whole number >= 0"))


def _is_str_list(value: Any) -> str | None:
    if not isinstance(value, list) or not value:
        return Text(N_("expected a non-empty list of strings"))
    bad = [item for item in value if not isinstance(item, str) or not item.strip()]
    return Text(N_("expected strings, got {value}"), value=repr(bad[0])) if bad else None


def _is_bool(value: Any) -> str | None:
    return None if isinstance(value, bool) else Text(N_("expected true or false"))


def one_of(*choices: str) -> Check:
    def check(value: Any) -> str | None:
        return (
            None
            if value in choices
            else Text(N_("expected one of {choices}, got {value}"), choices=", ".join(choices), value=repr(value))
        )

    return check


def per_language(inner: Check) -> Check:
    """A mapping ``{lang: value}`` whose values pass ``inner``."""

    def check(value: Any) -> str | None:
        if not isinstance(value, dict) or not value:
            return Text(N_("expected a mapping of language -> value, e.g. {{en: [...], ja: [...]}}"))
        for lang, item in value.items():
            if not isinstance(lang, str):
                return Text(N_("language keys must be strings, got {value}"), value=repr(lang))
            problem = inner(item)
            if problem:
                return Text("[{lang}] {problem}", lang=lang, problem=problem)
        return None

    return check


def _is_token_patterns(value: Any) -> str | None:
    if not isinstance(value, list) or not value:
        return Text(N_("expected a list of token patterns (each a list of token mappings)"))
    for pattern in value:
        if not isinstance(pattern, list) or not pattern or not all(isinstance(t, dict) for t in pattern):
            return Text(N_("each pattern must be a non-empty list of token mappings, got {value}"), value=repr(pattern))
    return None


STRING = _is_str
NUMBER = _is_number
INTEGER = _is_int
STRING_LIST = _is_str_list
BOOLEAN = _is_bool
TOKEN_PATTERNS = _is_token_patterns


def validate(options: Mapping[str, Any], schema: Mapping[str, Option]) -> tuple[dict[str, Any], str | None]:
    """(options with defaults filled in, first problem as 'option: complaint' or None)."""
    for name in options:
        if name not in schema:
            if not schema:
                return {}, Text(N_("{name}: unknown option (this kind takes none)"), name=name)
            return {}, Text(
                N_("{name}: unknown option (this kind takes: {known})"), name=name, known=", ".join(sorted(schema))
            )
    result: dict[str, Any] = {}
    for name, option in schema.items():
        if name not in options:
            if option.required:
                return {}, Text(N_("{name}: required option is missing"), name=name)
            result[name] = option.default
            continue
        problem = option.check(options[name])
        if problem:
            return {}, Text("{name}: {problem}", name=name, problem=problem)
        result[name] = options[name]
    return result, None
