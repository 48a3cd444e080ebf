"""LinkedIn profiles: a YAML file with `kind: linkedin-profile` -> Profile (fields + where each is written).

A profile is not a post: it is not classified and post rules do not run on it; profile-scope rules
(contentlint/checks/profile.py) check it against a completeness checklist.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from yaml.nodes import Node, ScalarNode, SequenceNode

from contentlint import lang as language
from contentlint.calendar.entries import parse_date
from contentlint.errors import InputError
from contentlint.i18n import N_, Text
from contentlint.post import Position
from contentlint.sourcemap import SourceFile
from contentlint.yamlsafe import mapping_nodes

KIND = "linkedin-profile"
ACTIVITY_TYPES = ("post", "comment", "article", "share", "reaction", "video", "event", "newsletter")

Check = Callable[[Any], str | None]  # the expected type when the value is wrong (a `Text`), else None


def _text(value: Any) -> str | None:
    return None if isinstance(value, str) else Text(N_("text"))


def _text_or_flag(value: Any) -> str | None:
    return None if isinstance(value, (str, bool)) else Text(N_("text (a file name or URL) or true/false"))


def _count(value: Any) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
    return None if ok else Text(N_("a whole number >= 0"))


def _connections(value: Any) -> str | None:
    return None if _count(value) is None or value == "500+" else Text(N_('a whole number >= 0 or "500+"'))


def _date_like(value: Any) -> str | None:
    # `from: 2019`, `from: 2019-04` (text), `from: 2019-04-01` (a YAML date): shown as written, never computed with
    return (
        None if isinstance(value, (str, int, dt.date)) and not isinstance(value, bool) else Text(N_("a year or date"))
    )


def _date(value: Any) -> str | None:
    try:
        return None if parse_date(value) is not None else Text(N_("a date (YYYY-MM-DD)"))
    except ValueError:
        return Text(N_("a date (YYYY-MM-DD)"))


def _activity_type(value: Any) -> str | None:
    return None if value in ACTIVITY_TYPES else Text(N_("one of {choices}"), choices=", ".join(ACTIVITY_TYPES))


def _any(value: Any) -> str | None:
    return None


@dataclass(frozen=True, slots=True)
class Record:
    """A mapping with known keys (a position, a school, an activity); ``required`` keys must be there."""

    keys: Mapping[str, Check]
    required: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ListOf:
    """A list whose items are text (``item`` None) or records; ``or_count``: a bare number is accepted too."""

    item: Record | Check
    or_count: bool = False


POSITION = Record(
    {"title": _text, "company": _text, "location": _text, "from": _date_like, "to": _date_like, "description": _text}
)
SCHOOL = Record(
    {"school": _text, "degree": _text, "field": _text, "from": _date_like, "to": _date_like, "description": _text}
)
RECOMMENDATION = Record({"from": _text, "relationship": _text, "text": _text, "date": _date_like})
ACTIVITY = Record({"date": _date, "type": _activity_type, "text": _text, "url": _text}, required=("date",))

FIELDS: dict[str, Check | Record | ListOf] = {
    "kind": _text,
    "lang": _text,
    "as_of": _date,
    "name": _text,
    "photo": _text_or_flag,
    "banner": _text_or_flag,
    "headline": _text,
    "about": _text,
    "custom_url": _text,
    "location": _text,
    "industry": _text,
    "current_position": POSITION,
    "past_positions": ListOf(POSITION),
    "education": ListOf(SCHOOL),
    "skills": ListOf(_text),
    "recommendations": ListOf(RECOMMENDATION, or_count=True),
    "connections": _connections,
    "recent_activity": ListOf(ACTIVITY),
    "language_versions": ListOf(_text),
    "contentlint": _any,
}


@dataclass(frozen=True, slots=True)
class Profile:
    """One LinkedIn profile as written in its file.

    ``fields`` holds the values (``connections: "500+"`` as 500, activity dates as dates);
    ``field_positions`` where each field's key is written, by dotted path (``current_position.description``);
    ``line`` is the line of ``kind:``, where findings on a field that is not there point.
    """

    path: str
    lang: str
    lang_source: str
    fields: Mapping[str, Any]
    field_positions: Mapping[str, Position]
    line: int
    as_of: dt.date  # "recent" activity is measured back from this day

    @property
    def name(self) -> str:
        return str(self.fields.get("name") or "")

    def value(self, field: str) -> Any:
        """The value at a dotted path (``current_position.title``), or None."""
        value: Any = self.fields
        for part in field.split("."):
            value = value.get(part) if isinstance(value, Mapping) else None
        return value

    def position_of(self, field: str) -> Position:
        """Where the field is written; else where its parent is (a position without a description); else `kind:`."""
        parts = field.split(".")
        for end in range(len(parts), 0, -1):
            where = self.field_positions.get(".".join(parts[:end]))
            if where is not None:
                return where
        return Position(self.line, 1)


def is_profile(data: object) -> bool:
    return isinstance(data, dict) and data.get("kind") == KIND


def known_field(field: str) -> bool:
    """Whether a dotted path names a profile field (rule packs refer to fields by these paths)."""
    top, _, sub = field.partition(".")
    spec = FIELDS.get(top)
    if not sub:
        return spec is not None and top not in ("kind", "contentlint")
    return isinstance(spec, Record) and "." not in sub and sub in spec.keys


def load_profile(
    file: SourceFile,
    data: dict[str, Any],
    node: Node | None,
    config_lang: str | None = None,
    today: dt.date | None = None,
) -> Profile:
    """Validate a parsed profile (unknown keys and wrong types are InputErrors at their line:column)."""
    path = file.path
    keys = mapping_nodes(node)
    for key, value in data.items():
        key_node, value_node = keys.get(str(key), (None, None))
        spec = FIELDS.get(str(key))
        if spec is None:
            raise InputError(
                Text(N_("unknown profile key `{key}` (known: {known})"), key=key, known=", ".join(sorted(FIELDS))),
                path,
                *_line_col(key_node),
            )
        _validate(spec, value, value_node, str(key), path)
    kind_node = keys.get("kind", (None, None))[0]
    positions = {key: _position(k) for key, (k, _v) in keys.items()}
    for key, (_k, value_node) in keys.items():
        if isinstance(FIELDS[key], Record):
            for sub, (sub_key, _sub_value) in mapping_nodes(value_node).items():
                positions[f"{key}.{sub}"] = _position(sub_key)
    fields = dict(data)
    if fields.get("connections") == "500+":
        fields["connections"] = 500  # how LinkedIn shows any count from 500 up
    if fields.get("recent_activity"):
        fields["recent_activity"] = [{**item, "date": parse_date(item["date"])} for item in fields["recent_activity"]]
    prose = "\n".join(str(fields.get(key) or "") for key in ("headline", "about"))
    lang, lang_source = language.resolve(fields.get("lang"), config_lang, prose)
    as_of = parse_date(fields.get("as_of")) or today or dt.date.today()
    return Profile(
        path=path,
        lang=lang,
        lang_source=lang_source,
        fields=fields,
        field_positions=positions,
        line=_position(kind_node).line,
        as_of=as_of,
    )


def _validate(spec: Check | Record | ListOf, value: Any, node: Node | None, where: str, path: str) -> None:
    if value is None:
        return  # a field left empty (`banner:`) is a missing field, for the checklist to report
    if isinstance(spec, ListOf):
        if spec.or_count and _count(value) is None:
            return
        if not isinstance(value, list):
            shape = Text(N_("a list or a whole number")) if spec.or_count else Text(N_("a list"))
            raise InputError(_must_be(where, shape, value), path, *_line_col(node))
        items = node.value if isinstance(node, SequenceNode) else []
        for index, item in enumerate(value):
            item_node = items[index] if index < len(items) else node
            if item is None:  # `-` with nothing after it: an empty entry is a mistake, not a missing field
                raise InputError(
                    Text(N_("`{where}[{number}]` is empty"), where=where, number=index + 1), path, *_line_col(item_node)
                )
            _validate(spec.item, item, item_node, f"{where}[{index + 1}]", path)
        return
    if isinstance(spec, Record):
        if not isinstance(value, dict):
            shape = Text(N_("a mapping ({keys})"), keys=", ".join(spec.keys))
            raise InputError(_must_be(where, shape, value), path, *_line_col(node))
        keys = mapping_nodes(node)
        for key, item in value.items():
            key_node, value_node = keys.get(str(key), (node, node))
            if str(key) not in spec.keys:
                raise InputError(
                    Text(
                        N_("unknown key `{key}` in `{where}` (known: {known})"),
                        key=key,
                        where=where,
                        known=", ".join(spec.keys),
                    ),
                    path,
                    *_line_col(key_node),
                )
            _validate(spec.keys[str(key)], item, value_node, f"{where}.{key}", path)
        missing = [key for key in spec.required if value.get(key) is None]
        if missing:
            raise InputError(Text(N_("`{where}` needs `{key}`"), where=where, key=missing[0]), path, *_line_col(node))
        return
    expected = spec(value)
    if expected is not None:
        raise InputError(_must_be(where, expected, value), path, *_line_col(node))


def _must_be(where: str, expected: str, value: Any) -> Text:
    return Text(N_("`{where}` must be {expected}, got {value}"), where=where, expected=expected, value=_shown(value))


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _position(node: Node | None) -> Position:
    """Where ``node`` starts (line 1, column 1 without a node)."""
    line, column = _line_col(node)
    return Position(line or 1, column or 1)


def _line_col(node: Node | None) -> tuple[int | None, int | None]:
    if node is None:
        return None, None
    column = node.start_mark.column + 1
    if isinstance(node, ScalarNode) and node.style in ('"', "'"):
        column += 1  # point at the text, not the quote
    return node.start_mark.line + 1, column
