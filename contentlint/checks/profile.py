"""Profile-scope rule kinds: a completeness checklist run on a LinkedIn profile (not on posts).

A `profile-checklist` rule lists its points as data. Each point names profile fields and conditions; a point is met
when every condition holds. Each point not met is a finding with the point's advice in the profile's language, and
one info finding `<rule-id>-score` gives the score ("6/10: missing ...") so it shows in every report format.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from contentlint import optionschema as opt
from contentlint.checks.messages import format_message, localised
from contentlint.optionschema import Option
from contentlint.sources.profile import ACTIVITY_TYPES, Profile, known_field

if TYPE_CHECKING:
    from spacy.language import Language

SCORE_SUFFIX = "-score"
CONDITIONS = ("present", "min_length", "contains_any", "min_count", "max_age_days")  # not_just, types: modifiers
_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_LATIN = re.compile(r"^[\w\s'-]+$", re.ASCII)


def _length(value: Any) -> str | None:
    if isinstance(value, dict):
        return opt.per_language(opt.INTEGER)(value)
    return opt.INTEGER(value)


def _fields(value: Any) -> str | None:
    problem = opt.STRING_LIST(value)
    if problem:
        return problem
    unknown = [f for f in value if not known_field(f)]
    return f"{unknown[0]!r} is not a profile field" if unknown else None


def _point_id(value: Any) -> str | None:
    return None if isinstance(value, str) and _ID.match(value) else "expected lower-case words joined by '-'"


def _activity_types(value: Any) -> str | None:
    unknown = [] if opt.STRING_LIST(value) else [t for t in value if t not in ACTIVITY_TYPES]
    if unknown:
        return f"{unknown[0]!r} is not an activity type ({', '.join(ACTIVITY_TYPES)})"
    return opt.STRING_LIST(value)


_POINT_OPTIONS = {
    "id": Option(_point_id, required=True),
    "name": Option(opt.per_language(opt.STRING), required=True, help="{lang: short name} for the score line"),
    "fields": Option(_fields, required=True, help="profile fields the point looks at (dotted: current_position.title)"),
    "advice": Option(opt.per_language(opt.STRING), required=True, help="{lang: what to do} when the point is not met"),
    "present": Option(lambda v: None if v is True else "expected true", help="every field has a value"),
    "min_length": Option(_length, help="each field's text has at least N characters (or {lang: N})"),
    "not_just": Option(_fields, help="min_length counts only the text beyond these fields' values"),
    "contains_any": Option(opt.per_language(opt.STRING_LIST), help="{lang: [word, ...]}: each text has one"),
    "min_count": Option(opt.INTEGER, help="the fields hold at least N items (or a number >= N) together"),
    "types": Option(_activity_types, help="only list items of these `type`s count"),
    "max_age_days": Option(opt.INTEGER, help="the newest dated item is at most N days before the profile's as_of"),
}


def _points(value: Any) -> str | None:
    if not isinstance(value, list) or not value:
        return "expected a list of checklist points"
    seen: set[str] = set()
    for number, point in enumerate(value, 1):
        if not isinstance(point, dict):
            return f"[{number}] expected a mapping (id, name, fields, advice and conditions)"
        checked, problem = opt.validate(point, _POINT_OPTIONS)
        if problem:
            return f"[{number}].{problem}"
        if not any(checked[c] is not None for c in CONDITIONS):
            return f"[{number}] has no condition ({', '.join(CONDITIONS)})"
        if checked["not_just"] is not None and checked["min_length"] is None:
            return f"[{number}].not_just: needs min_length"
        if checked["id"] in seen:
            return f"[{number}].id: {checked['id']!r} is used twice"
        seen.add(checked["id"])
        if "en" not in checked["advice"] or "en" not in checked["name"]:
            return f"[{number}]: name and advice need an `en` entry (the fallback language)"
    return None


@dataclass(frozen=True, slots=True)
class PointResult:
    number: int
    id: str
    met: bool
    field: str  # where the finding points: the first field that is missing, else the first field
    values: Mapping[str, Any]  # for the advice's {placeholders}
    name: str  # the point's name in the profile's language
    advice: str  # what to do, in the profile's language, its {placeholders} filled


@dataclass(frozen=True, slots=True)
class ChecklistScore:
    """How one profile did against one checklist rule (for the JSON report's `profiles`)."""

    rule_id: str
    score: int
    total: int
    missing: tuple[str, ...]  # ids of the points not met

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule_id, "score": self.score, "total": self.total, "missing": list(self.missing)}


def _given(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (list, dict)):
        return any(_given(v) for v in (value.values() if isinstance(value, dict) else value))
    return value is not None and value is not False


def _items(value: Any, types: Sequence[str] | None) -> list[Any]:
    items = [v for v in value if _given(v)] if isinstance(value, list) else []
    if types is None:
        return items
    return [v for v in items if not isinstance(v, dict) or v.get("type") is None or v["type"] in types]


def _count(value: Any, types: Sequence[str] | None) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, list):
        return len(_items(value, types))
    return 1 if _given(value) else 0


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _contains(text: str, words: Sequence[str]) -> bool:
    folded = text.casefold()
    for word in words:
        if _LATIN.match(word):  # a Latin word matches as a word ("you" not in "youth")
            if re.search(rf"(?<!\w){re.escape(word.casefold())}(?!\w)", folded):
                return True
        elif word.casefold() in folded:
            return True
    return False


class ProfileChecklistKind:
    """The profile meets each listed point: fields present, long enough, saying more than a job title, ..."""

    name = "profile-checklist"
    needs_doc = False
    scope = "profile"
    schema: Mapping[str, Option] = {
        "points": Option(_points, required=True, help="[{id, name, fields, advice, conditions...}, ...]"),
        "score_message": Option(
            opt.per_language(opt.STRING), required=True, help="{lang: text} with {score}, {total}, {missing}"
        ),
    }

    def check_params(self, params: Mapping[str, Any], languages: Sequence[str]) -> str | None:
        for number, point in enumerate(params["points"], 1):
            missing = [lang for lang in languages if lang != "*" and lang not in point["advice"]]
            if missing:
                return f"points[{number}].advice: no entry for language {missing[0]!r} listed in `languages`"
        return None

    def compile(self, params: Mapping[str, Any], lang: str, nlp: Language | None) -> Checklist:
        return Checklist(params, lang)

    def describe(self, params: Mapping[str, Any]) -> list[str]:
        """One line per point, for `contentlint explain`."""
        lines = []
        for number, point in enumerate(params["points"], 1):
            name = point["name"].get("en") if isinstance(point["name"], Mapping) else point["name"]
            conditions = ", ".join(
                f"{key.replace('_', ' ')} {_brief(value)}"
                for key, value in point.items()
                if key not in ("id", "name", "advice", "fields", "present")
            )
            lines.append(f"{number:2d}. {name} ({', '.join(point['fields'])}{'; ' + conditions if conditions else ''})")
        return lines


class Checklist:
    """One checklist rule's points, read in one language."""

    def __init__(self, params: Mapping[str, Any], lang: str) -> None:
        self.params, self.lang = params, lang
        self.points = [opt.validate(point, _POINT_OPTIONS)[0] for point in params["points"]]

    def check(self, profile: Profile, /) -> Iterator[PointResult]:
        """Every point, met or not, in the rule's order."""
        for number, point in enumerate(self.points, 1):
            yield self._point(number, point, profile)

    def _point(self, number: int, point: Mapping[str, Any], profile: Profile) -> PointResult:
        fields = point["fields"]
        values = [profile.value(f) for f in fields]
        missing = [f for f, v in zip(fields, values, strict=True) if not _given(v)]
        shown: dict[str, Any] = {"missing_fields": ", ".join(missing), "as_of": profile.as_of.isoformat()}
        met = not (point["present"] and missing)
        texts = [v if isinstance(v, str) else "" for v in values]
        if point["min_length"] is not None:
            given: int | dict[str, int] = point["min_length"]
            need = given.get(self.lang, given.get("en", 0)) if isinstance(given, dict) else given
            beyond = [profile.value(f) for f in point["not_just"] or ()]
            lengths = [len(_collapse(self._beyond(text, beyond))) for text in texts]
            shown.update(min_length=need, length=min(lengths))
            met = met and min(lengths) >= need
        words = (point["contains_any"] or {}).get(self.lang)
        if words:
            met = met and all(_contains(text, words) for text in texts)
        if point["min_count"] is not None:
            count = sum(_count(v, point["types"]) for v in values)
            shown.update(min_count=point["min_count"], count=count)
            met = met and count >= point["min_count"]
        if point["max_age_days"] is not None:
            dates = [
                item["date"]
                for v in values
                for item in _items(v, point["types"])
                if isinstance(item, dict) and isinstance(item.get("date"), dt.date)
            ]
            shown.update(max_age_days=point["max_age_days"])
            met = met and bool(dates) and (profile.as_of - max(dates)).days <= point["max_age_days"]
        return PointResult(
            number,
            point["id"],
            met,
            missing[0] if missing else fields[0],
            shown,
            localised(point["name"], self.lang),
            format_message(localised(point["advice"], self.lang), shown),
        )

    @staticmethod
    def _beyond(text: str, others: Iterable[Any]) -> str:
        """The text without the other fields' values: what a headline says beyond the job title and company."""
        for other in others:
            if isinstance(other, str) and other.strip():
                text = re.sub(re.escape(other.strip()), " ", text, flags=re.IGNORECASE)
        return text


def _brief(value: Any) -> str:
    """An option's value in a few words: the English entry of a per-language value, a short list."""
    if isinstance(value, Mapping):
        value = value.get("en", next(iter(value.values()), ""))
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value[:4])) + (", …" if len(value) > 4 else "")
    return str(value)


def score_id(rule_id: str) -> str:
    return rule_id + SCORE_SUFFIX
