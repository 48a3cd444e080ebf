"""`contentlint eval LABELLED...`: accuracy, macro-F1, confusion matrices, calibration (ECE and a reliability table)
and false alarms on insight posts: overall, per language, per source type and per repository."""

from __future__ import annotations

import json
from pathlib import Path

import click

from contentlint import i18n
from contentlint.cli import TranslatedCommand
from contentlint.cli.options import ui_lang_option
from contentlint.i18n import N_
from contentlint.nlp import pipeline

SCHEMA = "contentlint.eval/2"


@click.command(
    "eval",
    cls=TranslatedCommand,
    help=N_("Measure the classifier on labelled posts (JSONL files, or folders of them)."),
)
@click.argument(
    "corpora", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path), metavar=N_("LABELLED.jsonl...")
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--models",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    metavar=N_("DIRECTORY"),
    help=N_("Evaluate the models in this folder (the output of `contentlint train`) instead of the shipped ones."),
)
@ui_lang_option
def command(corpora: tuple[Path, ...], fmt: str, models: Path | None, ui_lang: str | None) -> int:
    from contentlint.nlp.corpus import read_corpora
    from contentlint.nlp.evaluation import Row, format_full, full_report
    from contentlint.nlp.predict import classify_records

    pipeline.use_models(models)
    records = read_corpora(corpora)
    rows = [
        Row(
            record.lang,
            record.cls,
            c.cls,
            c.confidence,
            c.p_promotional,
            c.promotional_warning,
            record.channel or "-",
            record.group,
        )
        for record, c in classify_records(records)
    ]
    skipped = len(records) - len(rows)
    report = full_report(rows)
    if fmt == "json":
        click.echo(
            json.dumps(
                {"schema": SCHEMA, "skipped": skipped, "report": report}, ensure_ascii=False, indent=2, sort_keys=True
            )
        )
    else:
        click.echo(format_full(report), nl=False)
        if skipped:
            catalogue = i18n.translations(i18n.resolve(ui_lang))
            click.echo(
                catalogue.gettext("({count} records skipped: unsupported language or no prose)").format(count=skipped)
            )
    return 0
