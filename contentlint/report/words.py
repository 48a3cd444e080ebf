"""The names the reports and the web page show for the codes in the Result (labels, stages, levels ...).

The codes stay as they are in machine formats and CSS classes; people read these names, in the interface
language (each is a gettext message, marked here and translated by :func:`names`).
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping
from typing import Any

from contentlint import languages
from contentlint.i18n import N_

LABELS = {
    "product": N_("product"),
    "sale": N_("sale"),
    "release": N_("release"),
    "problem": N_("problem"),
    "howto": N_("howto"),
}
GROUPS = {"promotional": N_("promotional"), "insight": N_("insight")}
STAGES = {"pre": N_("pre"), "at": N_("at"), "post": N_("post")}
STAGE_NAMES = {"pre": N_("before purchase"), "at": N_("at purchase"), "post": N_("after purchase")}
LEVELS = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}
BANDS = {"good": N_("good"), "warn": N_("warn"), "fail": N_("fail")}
KINDS = {"calendar": N_("calendar"), "feed": N_("feed")}
LANGUAGES = {code: languages.get(code).name for code in languages.codes()}
TARGETS = {  # the descriptions of the presets in contentlint.calendar.mix
    "80-20": N_("at most a fifth of posts promotional (at purchase)"),
    "4-1-1": N_("four insight posts for new readers, one for customers, one promotional (±10 points)"),
    "thirds": N_("a third each before, at and after purchase (±10 points)"),
    "70-20-10": N_("70% pre, 20% post, 10% promotional (±10 points)"),
}
_TABLES = {
    "labels": LABELS,
    "groups": GROUPS,
    "stages": STAGES,
    "stage_names": STAGE_NAMES,
    "levels": LEVELS,
    "bands": BANDS,
    "kinds": KINDS,
    "languages": LANGUAGES,
}


class Names(dict[str, str]):
    """Code -> name; a code without a name (a custom label, an unknown language) is shown as it is."""

    def __missing__(self, key: str) -> str:
        return str(key)


def names(translations: gettext.NullTranslations) -> dict[str, Names]:
    """Every table, translated: ``names["stages"]["at"]``."""
    return {
        table: Names({code: translations.gettext(name) for code, name in entries.items()})
        for table, entries in _TABLES.items()
    }


def target_description(target: Mapping[str, Any], translations: gettext.NullTranslations) -> str:
    """A mix target (``Target.to_dict()``) in words: a preset's description, else each stage's range."""
    if target["name"] in TARGETS:
        return translations.gettext(TARGETS[target["name"]])
    shown = names(translations)
    return ", ".join(
        f"{shown['stage_names'][stage]} {low:.0%}–{high:.0%}" for stage, (low, high) in target["ranges"].items()
    )
