"""`contentlint report PATH... --format ... [-o FILE] [--template FILE]`: write a report of a run."""

from __future__ import annotations

import io
import os
import sys
from dataclasses import replace
from pathlib import Path

import click

from contentlint import i18n
from contentlint.cli.options import Command, build_run_options, gate_options, run_options, show_skipped
from contentlint.cli.progress import progress
from contentlint.report import FORMATS, resolve_format, write_report
from contentlint.result import Result
from contentlint.run import Runner


def output_options(func: Command) -> Command:
    func = click.option(
        "--template",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="Render this Jinja2 template (sandboxed, autoescaped) instead of a built-in format.",
    )(func)
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write the report to FILE instead of standard output.",
    )(func)


def refuse_overwriting_input(output: Path | None, runner: Runner, paths: list[str], *others: Path | None) -> None:
    """A usage error (exit 2, before anything is read) when ``output`` is one of the run's inputs: a file named or
    walked in ``paths``, a config, a template or a baseline (`-o post.md post.md` would replace the post)."""
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
                f"{output} is an input of this run ({path}); a report never overwrites an input: choose another file",
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


@click.command("report")
@run_options
@gate_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="html", show_default=True)
@output_options
def command(
    paths: tuple[str, ...],
    config_file: Path | None,
    no_config: bool,
    language: str | None,
    stdin_filename: str,
    cache_dir: Path | None,
    no_cache: bool,
    jobs: int,
    ui_lang: str | None,
    verbose: bool,
    target: str | None,
    fail_under: int | None,
    fmt: str,
    output: Path | None,
    template: Path | None,
) -> int:
    """Write a report (text, markdown, html, json, sarif, github, junit) of posts and calendars."""
    options = replace(
        build_run_options(
            config_file,
            no_config,
            language,
            stdin_filename,
            None,
            target,
            fail_under,
            cache_dir,
            no_cache,
            jobs,
            ui_lang,
        ),
        keep_excerpts=needs_excerpts(fmt, template),
    )
    runner = Runner(options, stdin=sys.stdin.buffer if sys.stdin is not None else None)
    refuse_overwriting_input(output, runner, list(paths), template, config_file)
    with progress(runner, list(paths)):
        result = runner.run(list(paths))
    ui_lang = i18n.resolve(ui_lang)
    emit(result, fmt, output, template, ui_lang)
    show_skipped(result, verbose, ui_lang)
    return 2 if result.has_fatal else 0
