"""`contentlint check PATH...`: lint posts and exit 0 / 1 / 2."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from contentlint.cli.options import build_run_options, fail_level_option, gate_options, run_options
from contentlint.cli.report import emit, output_options
from contentlint.report import FORMATS
from contentlint.run import Runner
from contentlint.suppress import filter_baseline, read_baseline, write_baseline


@click.command("check")
@run_options
@fail_level_option
@gate_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Output format (auto: github inside GitHub Actions, else text).")
@output_options
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path),
              help="Known findings: written on the first run (when FILE does not exist); later runs report and "
                   "fail only on findings that are not in it.")
def command(paths: tuple[str, ...], config_file: Path | None, no_config: bool, language: str | None,
            stdin_filename: str, fail_level: str | None, target: str | None, fail_under: int | None,
            fmt: str, output: Path | None, template: Path | None, baseline: Path | None) -> int:
    """Lint posts and calendars (Markdown, YAML posts, YAML/CSV calendars; folders are walked; '-' is stdin)."""
    options = build_run_options(config_file, no_config, language, stdin_filename, fail_level, target, fail_under)
    result = Runner(options, stdin=sys.stdin.buffer).run(list(paths))
    if baseline is not None:
        if baseline.exists():
            result.findings, result.baselined = filter_baseline(result.findings, read_baseline(baseline))
        else:
            count = write_baseline(baseline, result.findings)
            click.echo(f"contentlint: baseline written to {baseline} with {count} findings; later runs fail only "
                       "on new ones", err=True)
            result.findings = [f for f in result.findings if f.fatal]
    emit(result, fmt, output, template)
    if result.baselined:
        click.echo(f"contentlint: {result.baselined} known findings hidden by the baseline {baseline}", err=True)
    return result.exit_code()
