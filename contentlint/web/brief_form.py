"""The brief editor's form fields, to and from a Brief.

Each list (audiences, aliases, jobs, proof) is a text box with one item a line, so an item may hold a comma
(`$1,900`). A form is checked by the config loader's own parser, so the page reports a mistake in the same
words as `contentlint check` does for the same brief in `.contentlint.yaml`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from contentlint.brief import PRODUCT_KEYS, Brief, parse_brief
from contentlint.i18n import Text, reason

PREFIX = "brief."  # every field of the editor; the page's script leaves them out of a draft's check
AUDIENCES = PREFIX + "audiences"
MAX_PRODUCTS = 40
FIELDS_PER_PRODUCT = len(PRODUCT_KEYS)
MAX_FIELD_CHARS = 4000  # a long list of jobs or proof is still well under this


def product_field(number: int, key: str) -> str:
    return f"{PREFIX}products.{number}.{key}"


@dataclass(frozen=True, slots=True)
class BriefForm:
    """The editor's text boxes as the writer sees them: shared audiences, then one row per product."""

    audiences: str = ""
    products: tuple[dict[str, str], ...] = ()

    @classmethod
    def from_brief(cls, brief: Brief) -> BriefForm:
        return cls(
            "\n".join(brief.audiences),
            tuple(
                {"name": p.name, **{key: "\n".join(getattr(p, key)) for key in PRODUCT_KEYS[1:]}}
                for p in brief.products
            ),
        )

    @classmethod
    def from_form(cls, form: Mapping[str, object]) -> BriefForm | None:
        """The editor's fields of a posted form; None when the form has none (a draft posted without them)."""
        if not any(str(name).startswith(PREFIX) for name in form):
            return None
        rows = []
        for number in range(1, MAX_PRODUCTS + 1):
            row = {key: _text(form.get(product_field(number, key))) for key in PRODUCT_KEYS}
            if any(value.strip() for value in row.values()):
                rows.append(row)
        return cls(_text(form.get(AUDIENCES)), tuple(rows))

    def rows(self) -> list[tuple[int, dict[str, str]]]:
        """The products to show, numbered, with one empty row to add a product (while there is room)."""
        rows = list(self.products[:MAX_PRODUCTS])
        if len(rows) < MAX_PRODUCTS:
            rows.append({key: "" for key in PRODUCT_KEYS})
        return list(enumerate(rows, 1))

    def brief(self) -> Brief:
        """The brief these fields describe; ValueError in the config loader's words (``brief: products[2]...``)."""
        value = {
            "audiences": _lines(self.audiences),
            "products": [
                {"name": " ".join(row["name"].split()) or None, **{key: _lines(row[key]) for key in PRODUCT_KEYS[1:]}}
                for row in self.products
            ],
        }
        try:
            return parse_brief(value)
        except ValueError as exc:
            raise ValueError(Text("brief: {problem}", problem=reason(exc))) from None


def _text(value: object) -> str:
    text = value if isinstance(value, str) else ""
    return text.replace("\r\n", "\n").replace("\r", "\n")[:MAX_FIELD_CHARS]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]
