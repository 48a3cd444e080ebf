"""`contentlint eval LABELLED.jsonl...`: accuracy, per-class P/R/F1, macro-F1 and confusion matrices."""
from __future__ import annotations

import json
from pathlib import Path

import click

from contentlint.nlp import pipeline


@click.command("eval")
@click.argument("corpora", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path),
                metavar="LABELLED.jsonl...")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--models", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Evaluate the models in this folder (the output of `contentlint train`) instead of the shipped ones.")
def command(corpora: tuple[Path, ...], fmt: str, models: Path | None) -> int:
    """Measure the classifier on labelled posts (label, group and stage; overall and per language)."""
    from contentlint.corpus import read_corpora
    from contentlint.nlp.evaluation import Pair, evaluate, format_report
    from contentlint.nlp.predict import classify_records

    pipeline.use_models(models)
    records = read_corpora(corpora)
    pairs = [Pair(record.lang, record.cls, c.cls) for record, c in classify_records(records)]
    skipped = len(records) - len(pairs)
    report = evaluate(pairs)
    if fmt == "json":
        click.echo(json.dumps({"schema": "contentlint.eval/1", "skipped": skipped, "report": report},
                              ensure_ascii=False, indent=2, sort_keys=True))
    else:
        click.echo(format_report(report), nl=False)
        if skipped:
            click.echo(f"({skipped} records skipped: unsupported language or no prose)")
    return 0
