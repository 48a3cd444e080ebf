"""What the language server says to a person (hover, code-action titles, failures), from the interface catalogues
(gettext, kept with Babel like every other interface text); the language is the editor's (the client's `locale`
at initialize)."""

from __future__ import annotations

from collections.abc import Mapping

from contentlint.i18n import DEFAULT, N_, supported, translations

MESSAGES: Mapping[str, str] = {
    "group.promotional": N_("promotional"),
    "group.insight": N_("insight-led"),
    "label.product": N_("product"),
    "label.sale": N_("sale"),
    "label.release": N_("release"),
    "label.problem": N_("problem"),
    "label.howto": N_("how-to"),
    "stage.pre": N_("before purchase"),
    "stage.at": N_("at purchase"),
    "stage.post": N_("after purchase"),
    "hover.heading": N_("contentlint: **{label}** (`{code}`, {group})"),
    "hover.stage": N_("Stage: **{stage}** (`{code}`) · confidence {confidence}"),
    "hover.evidence": N_("Evidence:"),
    "hover.no_evidence": N_("No cue phrase: the classifier decided from the wording as a whole."),
    "hover.evidence_item": N_("`{text}` (line {line}, {cue})"),
    "hover.unclassified": N_("contentlint: this post was not classified (no pipeline for `{lang}`)."),
    "action.rewrite": N_("Rewrite the title: {headline}"),
    "action.disable": N_("Disable {rule} for the next line"),
    "action.docs": N_("Open the documentation of {rule}"),
    "failed": N_(
        "contentlint could not analyse this document ({error}); other documents are unaffected. "
        "Please report it with the document."
    ),
}


def language_of(locale: str | None, fallback: str = DEFAULT) -> str:
    """The interface language for an editor's locale (`ja`, `zh-cn`, `en-US` ...); ``fallback`` when it sends none,
    English when it sends one we have no catalogue for."""
    if not locale:
        return fallback
    return supported(locale) or DEFAULT


def text(ui: str, key: str, **values: object) -> str:
    """The text ``key`` in interface language ``ui``, its ``{fields}`` filled."""
    return translations(ui).gettext(MESSAGES[key]).format(**values)
