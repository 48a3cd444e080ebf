"""`contentlint report PATH... --format ... [-o FILE] [--template FILE]`: write a report of a run."""

from __future__ import annotations

import io
import os
import sys
from dataclasses import replace
from pathlib import Path

import click

from contentlint import i18n
from contentlint.cli import TranslatedCommand
from contentlint.cli.options import CommandOptions, gate_options, output_options, run_options, show_skipped
from contentlint.cli.progress import progress
from contentlint.i18n import N_
from contentlint.report import FORMATS, resolve_format, write_report
from contentlint.result import Result
from contentlint.run import Runner


def refuse_overwriting_input(
    output: Path | None, runner: Runner, paths: list[str], *others: Path | None, language: str
) -> None:
    """A usage error (exit 2, before anything is read) when ``output`` is one of the run's inputs: a file named or
    walked in ``paths``, a config, a template or a baseline (`-o post.md post.md` would replace the post); said in
    the interface ``language``."""
    if output is None or not output.exists():
        return
    from contentlint.errors import ContentlintError
    from contentlint.sources.discover import discover

    inputs: list[Path] = [p for p in others if p is not None]
    try:
        inputs += [Path(c.path) for c in [runner.resolver.for_file(output)] if c.path is not None]
        inputs += [t.path for t in discover(paths, runner.resolver) if t.path is not None]
    except ContentlintError:
        pass  # a missing PATH or a broken config is reported by the run itself
    out = os.stat(output)
    for path in inputs:
        try:
            same = os.path.samestat(out, os.stat(path))
        except OSError:
            continue
        if same:
            raise click.BadParameter(
                i18n.translations(language)
                .gettext(
                    "{output} is an input of this run ({path}); a report never overwrites an input: choose another file"
                )
                .format(output=output, path=path),
                param_hint="-o/--output",
            )


def needs_excerpts(fmt: str, template: Path | None) -> bool:
    """The HTML page and user templates show each post's text; the other formats do not."""
    return template is not None or resolve_format(fmt) == "html"


def emit(result: Result, fmt: str, output: Path | None, template: Path | None, language: str = i18n.DEFAULT) -> None:
    """Write the report where it belongs, in the interface ``language``; Markdown also goes to the GitHub step
    summary when there is one."""
    fmt = resolve_format(fmt)
    buffer = io.StringIO()
    write_report(result, fmt, buffer, template, language)
    text = buffer.getvalue()
    if output is not None:
        output.write_text(text, encoding="utf-8")
    else:
        if fmt == "text" and template is None:
            write_report(result, fmt, sys.stdout, language=language)  # straight to the terminal, so it can be coloured
        else:
            sys.stdout.write(text)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if fmt == "markdown" and template is None and summary:
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write(text)


@click.command(
    "report",
    cls=TranslatedCommand,
    help=N_("Write a report (text, markdown, html, json, sarif, github, junit) of posts and calendars."),
)
@run_options
@gate_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="html", show_default=True)
@output_options
def command(opts: CommandOptions, fmt: str) -> int:
    options = replace(opts.run_options(), keep_excerpts=needs_excerpts(fmt, opts.template))
    runner = Runner(options, stdin=sys.stdin.buffer if sys.stdin is not None else None)
    paths = list(opts.paths)
    refuse_overwriting_input(
        opts.output, runner, paths, opts.template, opts.config_file, language=opts.interface_language
    )
    with progress(runner, paths):
        result = runner.run(paths)
    ui_lang = opts.interface_language
    emit(result, fmt, opts.output, opts.template, ui_lang)
    show_skipped(result, opts.verbose, ui_lang)
    return 2 if result.has_fatal else 0
