"""`contentlint init`: write a commented .contentlint.yaml; `contentlint config --show`: the effective config."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click
import yaml

from contentlint import i18n
from contentlint.cli import TranslatedCommand
from contentlint.cli.options import ui_lang_option
from contentlint.config import CONFIG_NAMES, ConfigResolver
from contentlint.i18n import N_
from contentlint.sources.readers import include_globs

TEMPLATE = """\
# contentlint configuration. Found by walking up from each file's folder; the nearest file wins.
# Every key is optional; unknown keys are errors. `contentlint config --show FILE` prints what applies to a file.

# Language for posts without a `lang` field (en, ja, zh). Leave unset to detect it from the text.
# language: en

# Lowest finding level that makes the exit code 1: error, warning or info.
fail_level: warning

# Files to lint when walking folders, and files or folders to skip.
include: {include}
exclude: [".*", node_modules, __pycache__, venv]

# Extra rule packs (YAML files or folders), relative to this file.
# packs: [content-rules/]

# Per-rule settings: off, on, a level (error, warning, info), or {level, enabled, options}: options replace the
# rule's params (`contentlint explain ID` shows them). `contentlint rules` lists the ids.
rules:
  # hard-sell: error
  # company-centric: off
  # low-confidence: {level: info, options: {below: 0.4}}

# Rule settings for some paths only (globs relative to this file).
# overrides:
#   - files: ["drafts/**"]
#     rules: {hard-sell: off}

# Stage-mix target for calendars and feeds: 80-20, 4-1-1, thirds, 70-20-10, or {pre: 0.5, at: 0.2, post: 0.3}.
target: 80-20
# tolerance: 0.1        # for a custom target
# A calendar or feed scoring below this fails the run (exit 1).
fail_under: 60

# Limits: larger files are skipped with a warning; YAML nodes (aliases expanded) and nesting; calendar entries.
max_file_bytes: 2000000
max_yaml_nodes: 100000
max_yaml_depth: 64
max_calendar_entries: 5000

# Where your team hosts contentlint's docs site (`mkdocs build`): editors and SARIF then link each shipped rule
# to its page there (<docs_url>/rules/<rule-id>/); without it they link to the rule's definition in its pack.
# docs_url: https://docs.example.com/contentlint
"""

# The include globs are the input readers' suffixes (contentlint/sources/readers): a new format is listed here too.
TEMPLATE = TEMPLATE.replace("{include}", json.dumps(list(include_globs())))

BRIEF_TEMPLATE = """\

# Brand brief: what the insight-led rewrites of promotional posts are built from. For each product the post
# names (by `name` or an alias), headlines lead with a job its customers want done, for its audience, with your
# proof; the post's own offer moves to the end. Nothing here is invented by contentlint: leave a list out and
# the report asks for it instead. Replace the example with your products.
brief:
  audiences: [small-business owners]            # optional: shared by all products
  products:
    - name: Ledgerly                            # as written in your posts
      aliases: [ledgerly app]                   # other names people use for it
      audiences: [bookkeepers, small-business owners]
      # What customers want done, in their words (a verb phrase: "close the month in two days";
      # ja: 統計分析でユーザー行動を理解する; zh: 每天少花一小时对账).
      jobs: [close the month in two days, stop chasing late invoices]
      # A customer story or a measurement, as a sentence in the past tense. An item with a comma in it
      # ("$1,900") goes in quotes, or write the list one item a line (- ...).
      proof: [Riverside Bakery cut its month-end close from six days to two]
"""


@click.command("init", cls=TranslatedCommand, help=N_("Write a commented .contentlint.yaml in the current folder."))
@click.option("--force", is_flag=True, help=N_("Overwrite an existing .contentlint.yaml."))
@click.option(
    "--brief",
    "with_brief",
    is_flag=True,
    help=N_(
        "Add a commented brand brief (products, audiences, jobs, proof) for the rewrites; added to an "
        "existing .contentlint.yaml that has none."
    ),
)
@ui_lang_option
def command(force: bool, with_brief: bool, ui_lang: str | None) -> int:
    path = Path.cwd() / CONFIG_NAMES[0]
    catalogue = i18n.translations(i18n.resolve(ui_lang))
    if with_brief and path.exists() and not force:
        existing = path.read_text(encoding="utf-8")
        if re.search(r"^brief\s*:", existing, re.MULTILINE):
            raise click.UsageError(
                catalogue.gettext("{name} already has a brief (use --force to overwrite the file)").format(
                    name=path.name
                )
            )
        path.write_text(existing.rstrip("\n") + "\n" + BRIEF_TEMPLATE, encoding="utf-8")
        click.echo(catalogue.gettext("added a brief to {name}").format(name=path.name))
        return 0
    if path.exists() and not force:
        raise click.UsageError(
            catalogue.gettext("{name} already exists (use --force to overwrite)").format(name=path.name)
        )
    path.write_text(TEMPLATE + (BRIEF_TEMPLATE if with_brief else ""), encoding="utf-8")
    click.echo(catalogue.gettext("wrote {name}").format(name=path.name))
    return 0


@click.command(
    "config",
    cls=TranslatedCommand,
    help=N_("Show the effective config for PATH (default: the current folder), as YAML."),
)
@click.option("--show", "show", is_flag=True, required=True, help=N_("Print the merged effective config."))
@click.argument("path", required=False, type=click.Path(exists=True, path_type=Path), metavar=N_("[PATH]"))
@click.option(
    "--config",
    "config_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    metavar=N_("FILE"),
    help=N_("Use this config file instead of the nearest one."),
)
@ui_lang_option
def config_command(show: bool, path: Path | None, config_file: Path | None, ui_lang: str | None) -> int:
    resolver = ConfigResolver(config_file)
    target = path or Path.cwd()
    config = resolver.for_directory(target) if target.is_dir() else resolver.for_file(target).for_path(target)
    shown = config.to_dict()
    if shown["include"] is None:  # the default: every file some input reader reads
        shown["include"] = list(include_globs())
    click.echo(yaml.safe_dump(shown, allow_unicode=True, sort_keys=False), nl=False)
    return 0
