"""The brand brief (`brief:` in `.contentlint.yaml`): products, who they are for, the jobs customers want done
in their own words, and proof. Rewrites take their slots from it before they look at the post."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from contentlint.i18n import N_, Text

PRODUCT_KEYS = ("name", "aliases", "audiences", "jobs", "proof")
BRIEF_KEYS = ("audiences", "products")


@dataclass(frozen=True, slots=True)
class BriefProduct:
    name: str
    aliases: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    jobs: tuple[str, ...] = ()
    proof: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The name and its aliases, longest first (so "Ledgerly Teams" wins over "Ledgerly")."""
        return tuple(sorted(dict.fromkeys((self.name, *self.aliases)), key=lambda n: (-len(n), n)))

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "aliases": list(self.aliases),
            "audiences": list(self.audiences),
            "jobs": list(self.jobs),
            "proof": list(self.proof),
        }


@dataclass(frozen=True, slots=True)
class Brief:
    audiences: tuple[str, ...] = ()
    products: tuple[BriefProduct, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"audiences": list(self.audiences), "products": [p.to_dict() for p in self.products]}


def parse_brief(value: Any) -> Brief:
    """The brief from its YAML value; a ValueError names the offending key (``products[2].jobs``)."""
    if value is None:
        return Brief()
    if not isinstance(value, dict):
        raise ValueError(Text(N_("expected a mapping with `products:` (and optionally `audiences:`)")))
    unknown = sorted(set(map(str, value)) - set(BRIEF_KEYS))
    if unknown:
        raise ValueError(Text(N_("unknown key `{key}` (known: {known})"), key=unknown[0], known=", ".join(BRIEF_KEYS)))
    products = value.get("products") or []
    if not isinstance(products, list):
        raise ValueError(Text(N_("products: expected a list of {{name, aliases, audiences, jobs, proof}}")))
    parsed = tuple(_product(item, index) for index, item in enumerate(products, 1))
    seen: dict[str, str] = {}
    for product in parsed:
        for name in product.names:
            if name.casefold() in seen and seen[name.casefold()] != product.name:
                raise ValueError(
                    Text(
                        N_("products: `{name}` names both {first} and {second}"),
                        name=name,
                        first=seen[name.casefold()],
                        second=product.name,
                    )
                )
            seen[name.casefold()] = product.name
    return Brief(_strings(value.get("audiences"), "audiences"), parsed)


def _product(item: Any, index: int) -> BriefProduct:
    where = f"products[{index}]"
    if not isinstance(item, dict):
        raise ValueError(
            Text(N_("{where}: expected a mapping with name, aliases, audiences, jobs, proof"), where=where)
        )
    unknown = sorted(set(map(str, item)) - set(PRODUCT_KEYS))
    if unknown:
        raise ValueError(
            Text(
                N_("{where}: unknown key `{key}` (known: {known})"),
                where=where,
                key=unknown[0],
                known=", ".join(PRODUCT_KEYS),
            )
        )
    name = item.get("name")
    if not isinstance(name, (str, int, float)) or isinstance(name, bool) or not str(name).strip():
        raise ValueError(Text(N_("{where}.name: expected the product's name"), where=where))
    return BriefProduct(str(name).strip(), *(_strings(item.get(key), f"{where}.{key}") for key in PRODUCT_KEYS[1:]))


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(
        isinstance(v, (str, int, float)) and not isinstance(v, bool) and str(v).strip() for v in value
    ):
        raise ValueError(Text(N_("{where}: expected a list of non-empty strings"), where=where))
    items = [str(v).strip() for v in value]
    for index, (left, right) in enumerate(pairwise(items)):
        # [saved $14,000 a month]: YAML's flow list splits it at the comma into "saved $14" and "000 a month"
        split = re.search(r"(\d{1,3})$", left) and re.match(r"(\d{3})(?!\d)", right)
        if split:
            raise ValueError(
                Text(
                    N_(
                        "{where}[{number}]: `{left}` and `{right}` look like one item cut at the comma of "
                        "a number; put the item in quotes or write one item a line (- ...)"
                    ),
                    where=where,
                    number=index + 1,
                    left=left,
                    right=right,
                )
            )
    return tuple(dict.fromkeys(items))
