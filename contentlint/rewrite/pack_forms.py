"""The `rewrites:` section of a rule pack: per language, headline forms, outline parts and questions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from contentlint.errors import RuleError
from contentlint.i18n import N_, Text
from contentlint.rewrite.forms import OUTLINE_PARTS, QUESTION_SLOTS, validate_form

LANGUAGE_KEYS = ("headlines", "outline", "questions")
STAGES = ("pre", "post")


def parse_forms(raw: Any, where: str) -> dict[str, dict[str, Any]]:
    """Validated forms; a mistake is a RuleError naming the pack file and the key (rewrites.ja.headlines[2])."""
    if not isinstance(raw, dict):
        raise RuleError(
            Text(N_("rewrites: expected a mapping of language -> {{headlines, outline, questions}}")), where
        )
    out = {}
    for lang, forms in raw.items():
        key = f"rewrites.{lang}"
        if not isinstance(forms, dict):
            raise RuleError(
                Text(N_("{key}: expected a mapping with {known}"), key=key, known=", ".join(LANGUAGE_KEYS)), where
            )
        if "placeholders" in forms:
            raise RuleError(
                Text(
                    N_(
                        "{key}.placeholders: no longer used (a headline never shows a blank; a form is used "
                        "only when its slots are known): remove it"
                    ),
                    key=key,
                ),
                where,
            )
        unknown = sorted(set(map(str, forms)) - set(LANGUAGE_KEYS))
        if unknown:
            raise RuleError(
                Text(
                    N_("{key}: unknown key `{name}` (use {known})"),
                    key=key,
                    name=unknown[0],
                    known=", ".join(LANGUAGE_KEYS),
                ),
                where,
            )
        out[str(lang)] = {
            "headlines": _headlines(forms.get("headlines", []), f"{key}.headlines", where),
            "outline": _outline(forms.get("outline", {}), f"{key}.outline", where),
            "questions": _questions(forms.get("questions", {}), f"{key}.questions", where),
        }
    return out


def merge_forms(target: dict[str, dict[str, Any]], forms: Mapping[str, Mapping[str, Any]]) -> None:
    """A later pack's headline forms come before the earlier ones' (a team's own forms are tried first); its
    outline parts and questions replace theirs."""
    for lang, parsed in forms.items():
        merged = target.setdefault(lang, {"headlines": [], "outline": {}, "questions": {}})
        known = {h["form"] for h in parsed["headlines"]}
        merged["headlines"] = [*parsed["headlines"], *(h for h in merged["headlines"] if h["form"] not in known)]
        merged["outline"] = {**merged["outline"], **parsed["outline"]}
        merged["questions"] = {**merged["questions"], **parsed["questions"]}


def _headlines(raw: Any, key: str, where: str) -> list[dict[str, str]]:
    if not isinstance(raw, list):
        raise RuleError(
            Text(N_("{key}: expected a list of forms ({{form: ..., stage: pre|post}} or a string)"), key=key), where
        )
    out = []
    for index, item in enumerate(raw, 1):
        item = {"form": item} if isinstance(item, str) else item
        if not isinstance(item, dict) or not isinstance(item.get("form"), str) or set(item) - {"form", "stage"}:
            raise RuleError(
                Text(N_("{key}[{number}]: expected {{form: ..., stage: pre|post}} or a string"), key=key, number=index),
                where,
            )
        stage = item.get("stage", "pre")
        if stage not in STAGES:
            raise RuleError(
                Text(
                    N_("{key}[{number}].stage: expected pre or post, got {value}"),
                    key=key,
                    number=index,
                    value=repr(stage),
                ),
                where,
            )
        problem = validate_form(item["form"])
        if problem:
            raise RuleError(Text("{key}[{number}]: {problem}", key=key, number=index, problem=problem), where)
        out.append({"form": item["form"], "stage": stage})
    return out


def _outline(raw: Any, key: str, where: str) -> dict[str, list[str]]:
    parts = (*OUTLINE_PARTS, "feature_step")
    if not isinstance(raw, dict) or set(map(str, raw)) - set(parts):
        raise RuleError(
            Text(N_("{key}: expected a mapping of {parts} -> list of forms"), key=key, parts=", ".join(parts)), where
        )
    for part, forms in raw.items():
        if isinstance(forms, str):
            raw[part] = forms = [forms]
        if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
            raise RuleError(
                Text(
                    N_("{key}.{part}: expected a list of forms (the first whose slots are known is used)"),
                    key=key,
                    part=part,
                ),
                where,
            )
    return {str(part): list(forms) for part, forms in raw.items()}


def _questions(raw: Any, key: str, where: str) -> dict[str, dict[str, str]]:
    if not isinstance(raw, dict):
        raise RuleError(
            Text(
                N_("{key}: expected a mapping of {slots} -> {{question, brief}}"),
                key=key,
                slots=", ".join(QUESTION_SLOTS),
            ),
            where,
        )
    out = {}
    for slot, item in raw.items():
        if slot not in QUESTION_SLOTS:
            raise RuleError(
                Text(
                    N_("{key}: unknown slot `{slot}` (use {slots})"),
                    key=key,
                    slot=slot,
                    slots=", ".join(QUESTION_SLOTS),
                ),
                where,
            )
        if (
            not isinstance(item, dict)
            or set(item) != {"question", "brief"}
            or not all(isinstance(v, str) and v.strip() for v in item.values())
        ):
            raise RuleError(Text(N_("{key}.{slot}: expected {{question: ..., brief: ...}}"), key=key, slot=slot), where)
        out[str(slot)] = dict(item)
    return out
