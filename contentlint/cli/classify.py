"""`contentlint classify PATH...`: label, group, stage, confidence and evidence per post."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from typing import Any

import click

from contentlint import i18n
from contentlint.analysis import Analysis
from contentlint.cli import TranslatedCommand
from contentlint.cli.options import CommandOptions, run_options, show_skipped
from contentlint.i18n import N_
from contentlint.post import Finding
from contentlint.report.words import names
from contentlint.run import Runner

SCHEMA = "contentlint.classify/1"


def post_record(analysis: Analysis) -> dict[str, Any] | None:
    post, c = analysis.post, analysis.classification
    if c is None:
        return None
    evidence = []
    for match in c.evidence:
        line, column = post.source_map.line_col(match.start)
        evidence.append({"text": match.text, "line": line, "column": column, "cue": match.cue_set})
    # An inline calendar entry is reported at its line in the calendar; an entry whose text is in a `file:` of
    # its own at that file, so that the evidence positions and the path always refer to the same file.
    return {
        "path": post.path,
        "line": post.line,
        "title": post.title,
        "lang": post.lang,
        "label": c.label,
        "group": c.group,
        "stage": c.stage,
        "confidence": c.confidence,
        "evidence": evidence,
    }


@click.command(
    "classify",
    cls=TranslatedCommand,
    help=N_("Label (product, sale, release, problem, howto), group, purchase stage, confidence and evidence."),
)
@run_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def command(opts: CommandOptions, fmt: str) -> int:
    # classify reports each analysis as it is made, so it always analyses (no cache)
    options = replace(opts, no_cache=True).run_options()
    records = []

    def record(analysis: Analysis, _findings: list[Finding]) -> None:
        if (made := post_record(analysis)) is not None:
            records.append(made)

    result = Runner(options, stdin=sys.stdin.buffer if sys.stdin is not None else None).run(list(opts.paths), record)
    if fmt == "json":
        click.echo(json.dumps({"schema": SCHEMA, "posts": records}, ensure_ascii=False, indent=2))
    else:
        # the text lines are for people: label, stage and group by name, in the interface language
        translations = i18n.translations(opts.interface_language)
        shown = names(translations)
        for r in records:
            cues = ", ".join(f"“{e['text']}”" for e in r["evidence"][:6]) or translations.gettext("no cue words")
            click.echo(
                f"{r['path']}:{r['line']}: {shown['labels'][r['label']]}/{shown['stages'][r['stage']]} "
                f"({shown['groups'][r['group']]}, {r['confidence']:.0%}) {r['title']}\n    "
                + translations.gettext("evidence: {cues}").format(cues=cues)
            )
    show_skipped(result, opts.verbose, opts.interface_language)
    for finding in result.findings:
        if finding.fatal:
            click.echo(
                f"{finding.path}:{finding.line}:{finding.column}: {finding.level} [{finding.rule_id}] "
                f"{finding.message}",
                err=True,
            )
    return 2 if result.has_fatal else 0
