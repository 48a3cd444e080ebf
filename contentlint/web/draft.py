"""A draft typed into the web page, as the Markdown document with front matter that the engine reads."""

from __future__ import annotations

import gettext
from collections.abc import Mapping
from dataclasses import dataclass, fields

import yaml

from contentlint.i18n import N_
from contentlint.lang import SUPPORTED
from contentlint.post import Finding
from contentlint.taxonomy import STAGES

FILE_NAME = "draft.md"  # what findings on a draft are reported against
MAX_FIELD_CHARS = 200  # title, channel and KPI are one line each
_FIELD_ORDER = ("title", "channel", "lang", "stage", "kpi")
# the form's fields as a finding's place names them
FIELD_NAMES = {
    "title": N_("title"),
    "channel": N_("channel"),
    "lang": N_("language"),
    "stage": N_("stage"),
    "kpi": N_("KPI"),
}


@dataclass(frozen=True, slots=True)
class Draft:
    """The form's fields; an empty string is a field left blank (``lang`` blank: detect, ``stage``: none)."""

    title: str = ""
    body: str = ""
    channel: str = ""
    lang: str = ""
    stage: str = ""
    kpi: str = ""

    @classmethod
    def from_form(cls, form: Mapping[str, object]) -> Draft:
        """The fields of a submitted form, cleaned: one-line fields on one line, choices limited to the known
        languages and stages (anything else counts as left blank)."""
        values = {f.name: str(form.get(f.name) or "") for f in fields(cls)}
        for name in ("title", "channel", "kpi"):
            values[name] = " ".join(values[name].split())[:MAX_FIELD_CHARS]
        values["channel"] = values["channel"].lower()
        values["body"] = values["body"].replace("\r\n", "\n").replace("\r", "\n")
        if values["lang"] not in SUPPORTED:
            values["lang"] = ""
        if values["stage"] not in STAGES:
            values["stage"] = ""
        return cls(**values)

    @property
    def empty(self) -> bool:
        return not self.title.strip() and not self.body.strip()

    def front_matter(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in _FIELD_ORDER if getattr(self, name)}

    def document(self) -> bytes:
        """Markdown with YAML front matter. The YAML is made by a YAML emitter, so no text typed into a field can
        add keys or end the front matter; each field is one line, so a finding's line tells its field."""
        # Always a front matter, even an empty one, so that a body starting with `---` stays body text.
        matter = self.front_matter()
        header = yaml.safe_dump(matter, allow_unicode=True, sort_keys=False, width=1_000_000) if matter else ""
        return f"---\n{header}---\n{self.body}".encode()

    def where(self, finding: Finding, translations: gettext.NullTranslations | None = None) -> str:
        """A finding's place as the writer sees the form: a field name, or the line and column in the body."""
        t = translations or gettext.NullTranslations()
        keys = list(self.front_matter())
        body_line = finding.line - (len(keys) + 2)
        if body_line >= 1:
            return t.gettext("body, line {line}, column {column}").format(line=body_line, column=finding.column)
        if 2 <= finding.line < len(keys) + 2:
            return t.gettext(FIELD_NAMES[keys[finding.line - 2]])
        return t.gettext("draft")
