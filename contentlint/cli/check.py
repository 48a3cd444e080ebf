"""`contentlint check PATH...`: lint posts and exit 0 / 1 / 2."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import click

from contentlint import i18n
from contentlint.cli import TranslatedCommand
from contentlint.cli.options import (
    CommandOptions,
    fail_level_option,
    gate_options,
    output_options,
    run_options,
    show_skipped,
)
from contentlint.cli.progress import progress
from contentlint.cli.report import emit, needs_excerpts, refuse_overwriting_input
from contentlint.i18n import N_
from contentlint.report import FORMATS
from contentlint.result import GATES
from contentlint.run import Runner
from contentlint.sources.changed import calendars_touching, changed_files
from contentlint.sources.discover import discover
from contentlint.suppress import filter_baseline, read_baseline, write_baseline


def _changed(runner: Runner, paths: list[str], rev: str | None) -> list[str]:
    """The PATHs' files (walked as usual) that git reports as changed, plus calendars pointing at them."""
    candidates = [t.path for t in discover(paths, runner.resolver) if t.path is not None]
    changed = {c.resolve() for c in changed_files(rev, Path.cwd())}
    picked = [p for p in candidates if p.resolve() in changed]
    picked += calendars_touching(picked, candidates)
    return [str(p) for p in sorted(set(picked))]


@click.command(
    "check",
    cls=TranslatedCommand,
    help=N_("Lint posts and calendars (Markdown, YAML posts, YAML/CSV calendars; folders are walked; '-' is stdin)."),
)
@run_options
@fail_level_option
@gate_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help=N_("Output format (auto: github inside GitHub Actions, else text)."),
)
@output_options
@click.option(
    "--changed",
    "changed",
    is_flag=False,
    flag_value="HEAD",
    default=None,
    metavar=N_("[REV]"),
    help=N_(
        "Lint only files changed against REV (default: staged and unstaged changes against HEAD), and "
        "calendars whose entries point at a changed file."
    ),
)
@click.option(
    "--gate",
    type=click.Choice(GATES),
    default="all",
    show_default=True,
    help=N_(
        "What fails the run (exit 1): findings at the fail level and calendar/feed mix scores under "
        "--fail-under (all), only the mix scores (mix: the editorial-calendar gate; findings are still "
        "reported), or only the findings."
    ),
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar=N_("FILE"),
    help=N_(
        "Known findings: written on the first run (when FILE does not exist); later runs report and "
        "fail only on findings that are not in it."
    ),
)
def command(opts: CommandOptions, fmt: str, changed: str | None, baseline: Path | None, gate: str) -> int:
    options = replace(opts.run_options(), keep_excerpts=needs_excerpts(fmt, opts.template))
    runner = Runner(options, stdin=sys.stdin.buffer if sys.stdin is not None else None)
    selected = list(opts.paths)
    refuse_overwriting_input(
        opts.output, runner, selected, opts.template, opts.config_file, baseline, language=opts.interface_language
    )
    if changed is not None:
        selected = _changed(runner, selected, None if changed == "HEAD" else changed)
    with progress(runner, selected):
        result = runner.run(selected)
    result.gate = gate
    if baseline is not None:
        if baseline.exists():
            result.findings, result.baselined = filter_baseline(result.findings, read_baseline(baseline))
        else:
            count = write_baseline(baseline, result.findings)
            click.echo(
                "contentlint: "
                + i18n.translations(i18n.resolve(opts.ui_lang))
                .ngettext(
                    "baseline written to {path} with {count} finding; later runs fail only on new ones",
                    "baseline written to {path} with {count} findings; later runs fail only on new ones",
                    count,
                )
                .format(path=baseline, count=count),
                err=True,
            )
            result.findings = [f for f in result.findings if f.fatal]
    ui_lang = opts.interface_language
    emit(result, fmt, opts.output, opts.template, ui_lang)
    show_skipped(result, opts.verbose, ui_lang)
    if result.baselined:
        click.echo(
            "contentlint: "
            + i18n.translations(ui_lang)
            .ngettext(
                "{count} known finding hidden by the baseline {path}",
                "{count} known findings hidden by the baseline {path}",
                result.baselined,
            )
            .format(count=result.baselined, path=baseline),
            err=True,
        )
    if gate == "mix" and not result.calendars and not result.has_fatal:
        # A gate with nothing to measure must not pass in silence (a typo in CI would disable it).
        click.echo(
            "contentlint: "
            + i18n.translations(ui_lang).gettext(
                "--gate mix: no calendar or feed to score in the PATHs (a calendar file, or a folder with two or more "
                "posts that have a `date`)"
            ),
            err=True,
        )
        return 2
    return result.exit_code()
