"""Fill the rewrite forms of the rule packs with the slots found in a post."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping

from contentlint.rewrite.extract import Slots

SLOTS = ("product", "feature", "outcome", "problem", "audience")
MAX_HEADLINES = 3
_PLACEHOLDER = re.compile(r"\{(product|feature|outcome|problem|audience|n)\}")


@dataclass(frozen=True, slots=True)
class Rewrites:
    headlines: tuple[str, ...]
    questions: tuple[str, ...]
    slots: Mapping[str, str | None]

    def to_dict(self) -> dict[str, Any]:
        return {"headlines": list(self.headlines), "questions": list(self.questions), "slots": dict(self.slots)}


def _feature_phrase(feature: str, lang: str) -> str:
    if lang == "en" and feature.split(" ", 1)[0] in ("A", "An", "The"):
        return feature[0].lower() + feature[1:]
    return feature


def build(slots: Slots, forms: Mapping[str, Any], lang: str) -> Rewrites | None:
    """Up to three headlines, the questions, and which slots came from the post (None: placeholder)."""
    language = forms.get(lang) or {}
    if not language.get("headlines"):
        return None
    placeholders = language.get("placeholders", {})
    values: dict[str, str | None] = {
        "product": slots.product,
        "feature": _feature_phrase(slots.features[0], lang) if slots.features else None,
        "outcome": slots.outcome,
        "problem": slots.problem,
        "audience": slots.audience,
    }
    n = str(len(slots.features)) if len(slots.features) >= 2 else "3"

    def fill(form: str) -> str:
        return _PLACEHOLDER.sub(lambda m: n if m.group(1) == "n" else
                                (values[m.group(1)] or placeholders.get(m.group(1), f"[{m.group(1)}?]")), form)

    # Prefer forms whose slots the post can fill, keeping the pack's order otherwise.
    def missing(form: str) -> int:
        return sum(1 for name in _PLACEHOLDER.findall(form) if name != "n" and not values[name])

    ordered = sorted(language["headlines"], key=lambda form: (missing(form), language["headlines"].index(form)))
    headlines = tuple(dict.fromkeys(fill(form) for form in ordered))[:MAX_HEADLINES]
    return Rewrites(headlines, tuple(language.get("questions", ())), values)
