"""`contentlint check PATH...`: lint posts and exit 0 / 1 / 2."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from contentlint.cli.options import build_run_options, fail_level_option, gate_options, run_options
from contentlint.cli.report import emit, output_options
from contentlint.report import FORMATS
from contentlint.run import Runner


@click.command("check")
@run_options
@fail_level_option
@gate_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Output format (auto: github inside GitHub Actions, else text).")
@output_options
def command(paths: tuple[str, ...], config_file: Path | None, no_config: bool, language: str | None,
            stdin_filename: str, fail_level: str | None, target: str | None, fail_under: int | None,
            fmt: str, output: Path | None, template: Path | None) -> int:
    """Lint posts and calendars (Markdown, YAML posts, YAML/CSV calendars; folders are walked; '-' is stdin)."""
    options = build_run_options(config_file, no_config, language, stdin_filename, fail_level, target, fail_under)
    result = Runner(options, stdin=sys.stdin.buffer).run(list(paths))
    emit(result, fmt, output, template)
    return result.exit_code()
