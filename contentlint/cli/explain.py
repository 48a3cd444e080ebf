"""`contentlint explain ID`: what a rule checks, why, and its examples."""

from __future__ import annotations

import difflib
import textwrap
from collections.abc import Iterable
from pathlib import Path

import click

from contentlint import i18n
from contentlint.checks.registry import KINDS
from contentlint.cli import TranslatedCommand
from contentlint.cli.rules import config_options, effective_rules
from contentlint.i18n import N_


def similar_ids(rule_id: str, known: Iterable[str]) -> list[str]:
    """Rule ids the user probably meant, closest first (as git suggests commands): spelling slips (`hardsell`),
    then ids that contain what was typed or are contained in it (`hard`)."""
    ids = sorted(known)
    close = difflib.get_close_matches(rule_id.lower(), ids, n=3, cutoff=0.6)
    return close + [r for r in ids if (rule_id in r or r in rule_id) and r not in close]


def _wrap(text: str) -> str:
    return textwrap.fill(text, width=88, initial_indent="  ", subsequent_indent="  ")


@click.command("explain", cls=TranslatedCommand, help=N_("Show a rule's message, rationale, options and examples."))
@click.argument("rule_id", metavar=N_("ID"))
@config_options
def command(rule_id: str, config_file: Path | None, no_config: bool, ui_lang: str | None) -> int:
    _config, rules = effective_rules(config_file, no_config)
    rule = rules.get(rule_id)
    if rule is None:
        close = similar_ids(rule_id, rules)
        catalogue = i18n.translations(i18n.resolve(ui_lang))
        if close:
            message = catalogue.gettext("unknown rule id `{rule_id}`. Did you mean: {ids}?")
        else:
            message = catalogue.gettext("unknown rule id `{rule_id}`. See `contentlint rules`.")
        raise click.UsageError(message.format(rule_id=rule_id, ids=", ".join(close)))
    status = rule.level if rule.enabled else f"off (default level {rule.level})"
    scope = f", channels: {', '.join(rule.channels)}" if rule.channels else ""
    lines = [f"{rule.id}  ({rule.kind}, {status}, languages: {', '.join(rule.languages)}{scope})", "", "Message:"]
    for lang, message in rule.messages.items():
        lines.append(_wrap(f"[{lang}] {message}" if len(rule.messages) > 1 else message))
    lines += ["", "Why:", _wrap(rule.rationale)]
    describe = getattr(KINDS[rule.kind], "describe", None)  # kinds whose params are a list worth reading
    if describe is not None:
        lines += ["", "Checks:", *(f"  {line}" for line in describe(rule.params))]
    lines += ["", f"Defined in: {rule.source}:{rule.line}"]
    for key, title in (("fail", "Flagged"), ("pass", "Not flagged")):
        if rule.examples.get(key):
            lines += ["", f"{title}:"]
            for example in rule.examples[key]:
                lines.append(textwrap.indent(example.strip(), "  | ", lambda _line: True))
                lines.append("")
    click.echo("\n".join(lines).rstrip())
    return 0
