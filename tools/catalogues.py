"""Keep the interface translations in step with the code, with Babel.

    python tools/catalogues.py            extract the messages (babel.cfg) into contentlint/locale/contentlint.pot,
                                          merge them into each <lang>/LC_MESSAGES/contentlint.po, compile the .mo
    python tools/catalogues.py --check    change nothing; exit 1 when a catalogue is out of date or incomplete

The catalogues also hold click's own messages ("Usage:", "Options", "Error: No such option ..."), extracted from
the installed click: click marks them with gettext and the command line looks them up in our domain (see
contentlint/cli/__init__.py). A click release that adds or rewords one is reported, not failed: until the
catalogue has it, that message is shown in English.

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

import click
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "contentlint" / "locale"
DOMAIN = "contentlint"
LANGUAGES = ("ja", "zh")
FIXED_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
# click's modules whose messages our command line can show (not prompts, the editor, shell completion or Windows)
CLICK_MODULES = ("core.py", "decorators.py", "exceptions.py", "formatting.py", "parser.py", "types.py")
CLICK = "click's own message"  # the comment that marks them in the catalogues


def extract() -> Catalog:
    """Every message in the package's Python and templates, as babel.cfg maps them, and click's own messages that
    the command line can show."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    template = Catalog(project="contentlint", copyright_holder="contentlint developers", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=KEYWORDS, strip_comment_tags=True
    ):
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    for name in CLICK_MODULES:
        path = Path(click.__file__).parent / name
        for lineno, message, _comments, context in extract_from_file("python", str(path), keywords=KEYWORDS):
            template.add(message, None, [(f"click/{name}", lineno)], auto_comments=[CLICK], context=context)
    return template


def _key(message: Message) -> object:
    return message.id if isinstance(message.id, str) else tuple(message.id)


def _clicks(message: Message) -> bool:
    """Whether the message is click's only (none of ours has the same text)."""
    return CLICK in message.auto_comments and not any(
        not filename.startswith("click/") for filename, _line in message.locations
    )


def differences(template: Catalog, catalog: Catalog) -> tuple[list[str], list[str]]:
    """(problems, notices): messages missing from or extra in ``catalog``; those of click are notices, as a click
    release adds and rewords messages of its own."""
    wanted = {_key(m): m for m in template if m.id}
    have = {_key(m): m for m in catalog if m.id}
    problems: list[str] = []
    notices: list[str] = []
    for key in sorted(wanted.keys() - have.keys(), key=str):
        clicks = _clicks(wanted[key])
        (notices if clicks else problems).append(
            f"{catalog.locale}: not in the .po{' (new in click)' if clicks else ''}: {key!r}"
        )
    for key in sorted(have.keys() - wanted.keys(), key=str):
        clicks = CLICK in have[key].auto_comments
        (notices if clicks else problems).append(
            f"{catalog.locale}: no longer in the {'installed click' if clicks else 'code'}: {key!r}"
        )
    return problems, notices


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
    found = differences(template, catalog)[0] + problems(catalog)
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
        for language in LANGUAGES:
            if po_path(language).exists():
                for line in differences(template, read(po_path(language), language))[1]:
                    print(f"notice: {line}", file=sys.stderr)
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
