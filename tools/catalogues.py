"""Keep the interface translations in step with the code, with Babel.

    python tools/catalogues.py            extract the messages (babel.cfg) into contentlint/locale/contentlint.pot,
                                          merge them into each <lang>/LC_MESSAGES/contentlint.po, compile the .mo
    python tools/catalogues.py --check    change nothing; exit 1 when a catalogue is out of date or incomplete

The compiled .mo files are committed and shipped as package data, so `pip install -e .` and a wheel both have
them without a build step; tests/test_i18n.py fails when a .mo no longer matches its .po or a message is
missing from a catalogue.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gettext
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "contentlint" / "locale"
DOMAIN = "contentlint"
LANGUAGES = ("ja", "zh")
FIXED_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}


def extract() -> Catalog:
    """Every message in the package's Python and templates, as babel.cfg maps them."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    template = Catalog(project="contentlint", copyright_holder="contentlint developers", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=KEYWORDS, strip_comment_tags=True
    ):
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(path: Path, language: str | None = None) -> Catalog:
    with open(path, "rb") as handle:
        return read_po(handle, locale=language, domain=DOMAIN)


def po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    # no locations or dates: a catalogue changes only when a message does
    write_po(buffer, catalog, omit_header=False, sort_output=True, no_location=True, width=116)
    return buffer.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def updated(template: Catalog, language: str) -> Catalog:
    """The language's catalogue with the template's messages (new ones untranslated, gone ones dropped)."""
    path = po_path(language)
    catalog = (
        read(path, language)
        if path.exists()
        else Catalog(locale=language, domain=DOMAIN, project="contentlint", fuzzy=False)
    )
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    catalog.revision_date = catalog.creation_date = FIXED_DATE  # a catalogue changes only when a message does
    return catalog


def messages(catalog: Catalog) -> dict[object, str]:
    """The catalogue as gettext looks messages up (plural forms keyed (msgid, n)), translated ones only."""
    found: dict[object, str] = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, (list, tuple)):
            plurals = message.string if isinstance(message.string, (list, tuple)) else ()
            for index, text in enumerate(plurals):
                if text:
                    found[(message.id[0], index)] = text
        elif isinstance(message.string, str) and message.string:
            found[message.id] = message.string
    return found


def compiled(path: Path) -> dict[object, str]:
    """What a compiled .mo holds, as gettext reads it (the header left out)."""
    with open(path, "rb") as handle:
        table = dict(gettext.GNUTranslations(handle)._catalog)  # type: ignore[attr-defined]
    table.pop("", None)
    return table


def stale(template: Catalog, language: str) -> list[str]:
    """What is out of date for ``language``: messages missing from or extra in its .po, untranslated ones, and a
    .mo that does not hold what the .po says (compared as gettext reads them, not byte for byte, so that
    another Babel version's header does not count)."""
    path = po_path(language)
    if not path.exists():
        return [f"{path.relative_to(ROOT)} is missing: run python tools/catalogues.py"]
    catalog = read(path, language)
    wanted = {m.id if isinstance(m.id, str) else tuple(m.id) for m in template if m.id}
    have = {m.id if isinstance(m.id, str) else tuple(m.id) for m in catalog if m.id}
    found = [f"{language}: not in the .po: {m!r}" for m in sorted(wanted - have, key=str)]
    found += [f"{language}: no longer in the code: {m!r}" for m in sorted(have - wanted, key=str)]
    found += problems(catalog)
    mo = path.with_suffix(".mo")
    if not mo.exists() or compiled(mo) != messages(catalog):
        found.append(f"{mo.relative_to(ROOT)} does not match its .po: run python tools/catalogues.py")
    return found


def problems(catalog: Catalog) -> list[str]:
    """Messages without a translation (or marked fuzzy)."""
    found = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        if message.fuzzy or not all(strings):
            found.append(f"{catalog.locale}: untranslated: {message.id!r}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="report what is out of date; write nothing")
    args = parser.parse_args(argv)
    template = extract()
    if args.check:
        found = [line for language in LANGUAGES for line in stale(template, language)]
    else:
        found = []
        for language in LANGUAGES:
            catalog = updated(template, language)
            found += problems(catalog)
            po_path(language).parent.mkdir(parents=True, exist_ok=True)
            po_path(language).write_bytes(po_bytes(catalog))
            po_path(language).with_suffix(".mo").write_bytes(mo_bytes(catalog))
    for line in found:
        print(line, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
