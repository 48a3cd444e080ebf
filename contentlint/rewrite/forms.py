"""Headlines and outlines from the rewrite forms of the rule packs, filled with a post's slots.

A form is used only when every slot it names is known, so a headline never shows a blank. Every headline names
the product and a job; when either is unknown there is no headline, only the question that would fill it and the
brief field that answers it for good.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from contentlint import languages
from contentlint.i18n import N_, Text
from contentlint.rewrite import grammar
from contentlint.rewrite.extract import Slot, Slots
from contentlint.rewrite.rewrites import Outline, Question, Rewrites, Section

MAX_HEADLINES = 3
SLOT_NAMES = ("product", "audience", "job", "Job", "job_they", "job_past", "proof", "feature", "offer", "n")
PLACEHOLDER = re.compile(r"\{(" + "|".join(SLOT_NAMES) + r")\}")
JOB_PLACEHOLDERS = ("job", "Job", "job_they", "job_past")
OUTLINE_PARTS = ("problem", "steps", "proof", "offer")
QUESTION_SLOTS = ("product", "job", "audience", "proof")


def _slot_dict(slot: Slot | None) -> dict[str, str] | None:
    return slot.to_dict() if slot else None


def build(slots: Slots, forms: Mapping[str, Any], lang: str, stage: str = "at") -> Rewrites | None:
    """Up to three headlines with their outlines, the questions for what is missing, and each slot's source."""
    language = forms.get(lang) or {}
    if not language.get("headlines"):
        return None
    base: dict[str, str] = {"n": "3"}
    for name in ("product", "audience", "proof", "offer"):
        slot = getattr(slots, name)
        if slot is not None:
            base[name] = slot.value
    if slots.features:
        base["feature"] = _feature(slots.features[0].value, lang)
    jobs = [grammar.forms(job.value, lang) for job in slots.jobs]
    uses = [0] * len(jobs)
    outlines: list[Outline] = []
    if "product" in base and jobs:
        for form in language["headlines"]:
            pick = _job_for(form["form"], slots, uses)
            values = {**base, **jobs[pick]}
            headline = _fill(grammar.arrange(form["form"], slots.jobs[pick].value, lang), values)
            if headline is None or headline in (o.headline for o in outlines):
                continue
            uses[pick] += 1
            outlines.append(
                Outline(
                    headline,
                    stage,
                    form.get("stage", "pre"),
                    _outline(language.get("outline", {}), values, slots, lang),
                )
            )
            if len(outlines) == MAX_HEADLINES:
                break
    known = {"product": "product" in base, "job": bool(jobs), "audience": "audience" in base, "proof": "proof" in base}
    questions = tuple(
        Question(name, q["question"], q["brief"])
        for name, q in language.get("questions", {}).items()
        if name in known and not known[name]
    )
    slot_data = {
        "product": _slot_dict(slots.product),
        "audience": _slot_dict(slots.audience),
        "jobs": [j.to_dict() for j in slots.jobs],
        "proof": _slot_dict(slots.proof),
        "features": [f.to_dict() for f in slots.features],
        "offer": _slot_dict(slots.offer),
    }
    return Rewrites(tuple(outlines), questions, slot_data)


def _feature(feature: str, lang: str) -> str:
    """A feature as it reads mid-sentence (English: "A faster calculation engine" -> "a faster calculation engine")."""
    return languages.get(lang).grammar.mid_sentence(feature)


def _job_for(form: str, slots: Slots, uses: list[int]) -> int:
    """The job a headline uses: the one its proof is about for a form with {proof}, else the least used one, so
    three headlines cover the brief's jobs in turn."""
    if "{proof}" in form and slots.proof is not None:
        proof = slots.proof.value.casefold()
        return max(range(len(slots.jobs)), key=lambda i: (_shared(slots.jobs[i].value.casefold(), proof), -i))
    return min(range(len(uses)), key=lambda i: (uses[i], i))


def _shared(a: str, b: str) -> int:
    """How many words (Latin) or two-character words (CJK) two texts share."""
    words = re.findall(r"[a-z]{4,}", a)
    if words:
        return sum(w[:5] in b for w in words)
    return sum(a[i : i + 2] in b for i in range(len(a) - 1))


def _fill(form: str, values: Mapping[str, str]) -> str | None:
    """The form with its slots filled, or None when one of them is unknown."""
    if any(name not in values for name in PLACEHOLDER.findall(form)):
        return None
    filled = PLACEHOLDER.sub(lambda m: values[m.group(1)], form)
    return filled[:1].upper() + filled[1:] if filled[:1].isascii() else filled


def _first(alternatives: Sequence[str], values: Mapping[str, str]) -> str | None:
    return next((text for text in (_fill(a, values) for a in alternatives) if text is not None), None)


def _outline(
    parts: Mapping[str, Sequence[str]], values: Mapping[str, str], slots: Slots, lang: str
) -> tuple[Section, ...]:
    """Problem -> how-to steps (one per feature the post lists) -> proof -> the post's own offer, last."""
    sections = []
    for part in OUTLINE_PARTS:
        text = _first(parts.get(part, ()), values)
        if text is not None:
            sections.append(Section(part, text))
        if part == "steps":
            for feature in slots.features[:3]:
                step = _first(parts.get("feature_step", ()), {**values, "feature": _feature(feature.value, lang)})
                if step is not None:
                    sections.append(Section("steps", step))
    return tuple(sections)


def validate_form(form: str) -> str | None:
    """Why a headline form cannot be used (None: it can): it must name the product and a job."""
    found = set(PLACEHOLDER.findall(form))
    if "product" not in found or not found & set(JOB_PLACEHOLDERS):
        return Text(N_("a headline form names {{product}} and a job ({{job}}, {{Job}}, {{job_they}} or {{job_past}})"))
    unknown = set(re.findall(r"\{([^{}]*)\}", form)) - set(SLOT_NAMES)
    if unknown:
        return Text(N_("unknown slot {{{slot}}}"), slot=sorted(unknown)[0])
    return None
