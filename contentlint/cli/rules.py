"""`contentlint rules`: list the rules in effect (default packs + config packs and overrides)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from contentlint.checks.pack import Rule
from contentlint.cli import TranslatedCommand
from contentlint.cli.options import Command, ui_lang_option
from contentlint.config import Config, ConfigResolver
from contentlint.i18n import N_
from contentlint.run import rulebook_for_config


def effective_rules(config_file: Path | None, no_config: bool) -> tuple[Config, dict[str, Rule]]:
    resolver = ConfigResolver(config_file, not no_config)
    config = resolver.for_directory(Path.cwd())
    return config, rulebook_for_config(config).rules


def config_options(func: Command) -> Command:
    func = ui_lang_option(func)
    func = click.option("--no-config", is_flag=True, help=N_("Ignore config files; use the defaults."))(func)
    return click.option(
        "--config",
        "config_file",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        metavar=N_("FILE"),
        help=N_("Config file (default: nearest .contentlint.yaml from here)."),
    )(func)


def rule_dict(rule: Rule) -> dict[str, object]:
    return {
        "id": rule.id,
        "kind": rule.kind,
        "level": rule.level,
        "enabled": rule.enabled,
        "languages": list(rule.languages),
        "channels": list(rule.channels),
        "message": rule.message,
        "rationale": rule.rationale,
        "source": rule.source,
    }


@click.command(
    "rules", cls=TranslatedCommand, help=N_("List every rule: id, level, kind, languages and what it looks for.")
)
@config_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def command(config_file: Path | None, no_config: bool, ui_lang: str | None, fmt: str) -> int:
    _config, rules = effective_rules(config_file, no_config)
    ordered = sorted(rules.values(), key=lambda r: r.id)
    if fmt == "json":
        click.echo(
            json.dumps(
                {"schema": "contentlint.checks/1", "rules": [rule_dict(r) for r in ordered]},
                ensure_ascii=False,
                indent=2,
                sort_keys=True,
            )
        )
        return 0
    for line in rule_table(ordered):
        click.echo(line)
    return 0


def rule_table(rules: list[Rule]) -> list[str]:
    """One line per rule: id, level, kind and languages in columns as wide as their longest value, then the summary."""
    rows = []
    for rule in rules:
        summary = rule.rationale.split(". ")[0].rstrip(".") + "."
        if rule.channels:
            summary = f"({', '.join(rule.channels)}) {summary}"
        rows.append((rule.id, rule.level if rule.enabled else "off", rule.kind, ",".join(rule.languages), summary))
    widths = [max((len(row[i]) for row in rows), default=0) for i in range(4)]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True)) + "  " + row[4]
        for row in rows
    ]
