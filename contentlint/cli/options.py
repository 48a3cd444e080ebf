"""Options shared by the commands that read posts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from contentlint.calendar.mix import PRESETS
from contentlint.config import FAIL_LEVELS
from contentlint.fileio import cache_home
from contentlint.i18n import DEFAULT, UI_LANGUAGES, resolve, translations
from contentlint.result import Result
from contentlint.run import RunOptions

# A click command's function, before and after options are added to it (click's own decorators keep the type too)
Command = TypeVar("Command", bound=Callable[..., Any])


def run_options(func: Command) -> Command:
    decorators: list[Callable[[Command], Command]] = [
        click.argument("paths", nargs=-1, required=True, metavar="PATH..."),
        click.option(
            "--config",
            "config_file",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Use this config file for every path (instead of the nearest .contentlint.yaml).",
        ),
        click.option("--no-config", is_flag=True, help="Ignore config files; use the defaults."),
        click.option(
            "--lang", "language", metavar="CODE", help="Language for posts without a `lang` field (default: detect)."
        ),
        click.option(
            "--stdin-filename", default="<stdin>", show_default=True, help="Name to report for input read from '-'."
        ),
        click.option(
            "--cache-dir",
            type=click.Path(file_okay=False, path_type=Path),
            help="Where results of unchanged files are kept (default: $XDG_CACHE_HOME/contentlint, "
            "~/.cache/contentlint).",
        ),
        click.option("--no-cache", is_flag=True, help="Analyse every file again; read and write no cache."),
        click.option(
            "--jobs",
            "-j",
            type=click.IntRange(0, 64),
            default=0,
            show_default=True,
            help="Worker processes (0: automatic, one per 50 files up to the CPUs not busy with other work).",
        ),
        ui_lang_option,
        click.option(
            "--verbose",
            "-v",
            is_flag=True,
            help="Also name the files skipped because they hold no post (site config, data and i18n "
            "YAML, section pages, redirect stubs), on stderr.",
        ),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def ui_lang_option(func: Command) -> Command:
    return click.option(
        "--ui-lang",
        type=click.Choice(UI_LANGUAGES),
        help="Interface language: headings, labels, counts and summaries (default: from LC_ALL, "
        "LC_MESSAGES or LANG, else en). Findings follow each post's language.",
    )(func)


def gate_options(func: Command) -> Command:
    func = click.option(
        "--fail-under",
        type=click.IntRange(0, 100),
        metavar="SCORE",
        help="Exit 1 when a calendar's or feed's mix score is below SCORE (default: config, 60).",
    )(func)
    return click.option(
        "--target",
        type=click.Choice(sorted(PRESETS)),
        help="Stage-mix target for every calendar and feed (default: the calendar's "
        "target_mix, then config, then 80-20).",
    )(func)


def fail_level_option(func: Command) -> Command:
    return click.option(
        "--fail-level",
        type=click.Choice(FAIL_LEVELS),
        help="Lowest level that makes the exit code 1 (default from config: warning).",
    )(func)


def build_run_options(
    config_file: Path | None,
    no_config: bool,
    language: str | None,
    stdin_filename: str,
    fail_level: str | None = None,
    target: str | None = None,
    fail_under: int | None = None,
    cache_dir: Path | None = None,
    no_cache: bool = False,
    jobs: int = 0,
    ui_lang: str | None = None,
) -> RunOptions:
    if config_file is not None and not config_file.is_file():
        what = "not a regular file" if config_file.exists() else "no such file"
        raise click.BadParameter(f"{config_file}: {what}", param_hint="--config")
    return RunOptions(
        config_file=config_file,
        use_config_files=not no_config,
        fail_level=fail_level,
        language=language,
        stdin_name=stdin_filename,
        target=target,
        fail_under=fail_under,
        cache_dir=None if no_cache else (cache_dir or cache_home()),
        jobs=jobs,
        ui_lang=resolve(ui_lang),
    )


def show_skipped(result: Result, verbose: bool, ui_lang: str = DEFAULT) -> None:
    """With --verbose, one stderr line per file that held no post (stderr keeps machine formats clean), in the
    interface language."""
    if verbose:
        catalogue = translations(ui_lang)
        for path, why in result.skipped:
            click.echo(
                "contentlint: "
                + catalogue.gettext("skipped {path}: {why}").format(path=path, why=catalogue.gettext(why)),
                err=True,
            )
