"""Options shared by the commands that read posts."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar, cast

import click

from contentlint.calendar.mix import PRESETS
from contentlint.config import FAIL_LEVELS
from contentlint.fileio import cache_home
from contentlint.i18n import DEFAULT, N_, UI_LANGUAGES, resolve, translations
from contentlint.result import Result
from contentlint.run import RunOptions

# A click command's function, before and after options are added to it (click's own decorators keep the type too)
Command = TypeVar("Command", bound=Callable[..., Any])


@dataclass(frozen=True)
class CommandOptions:
    """What the shared options of a command that reads posts say: the command receives them as one ``opts``
    (each group below adds its options and gathers their values into it; a group a command lacks keeps its
    defaults)."""

    paths: tuple[str, ...] = ()
    config_file: Path | None = None
    no_config: bool = False
    language: str | None = None
    stdin_filename: str = "<stdin>"
    cache_dir: Path | None = None
    no_cache: bool = False
    jobs: int = 0
    ui_lang: str | None = None
    verbose: bool = False
    fail_level: str | None = None
    target: str | None = None
    fail_under: int | None = None
    output: Path | None = None
    template: Path | None = None

    def run_options(self) -> RunOptions:
        return build_run_options(
            self.config_file,
            self.no_config,
            self.language,
            self.stdin_filename,
            self.fail_level,
            self.target,
            self.fail_under,
            self.cache_dir,
            self.no_cache,
            self.jobs,
            self.ui_lang,
        )

    @property
    def interface_language(self) -> str:
        """``--ui-lang``, else the locale's language."""
        return resolve(self.ui_lang)


def _option_group(names: tuple[str, ...], *options: Callable[[Any], Any]) -> Callable[[Command], Command]:
    """A decorator that adds ``options`` (in this order in --help) and hands their values, ``names``, to the command
    inside its ``opts`` (a `CommandOptions`) instead of as parameters of their own."""

    def decorate(func: Command) -> Command:
        @functools.wraps(func)  # keeps the options already added (__click_params__) and the docstring (the help)
        def gather(*args: Any, **kwargs: Any) -> Any:
            values = {name: kwargs.pop(name) for name in names}
            kwargs["opts"] = replace(kwargs.get("opts", CommandOptions()), **values)
            return func(*args, **kwargs)

        decorated: Any = gather
        for option in reversed(options):
            decorated = option(decorated)
        return cast(Command, decorated)

    return decorate


def ui_lang_option(func: Command) -> Command:
    return click.option(
        "--ui-lang",
        type=click.Choice(UI_LANGUAGES),
        help=N_(
            "Interface language: headings, labels, counts and summaries (default: from LC_ALL, "
            "LC_MESSAGES or LANG, else en). Findings follow each post's language."
        ),
    )(func)


run_options = _option_group(
    (
        "paths",
        "config_file",
        "no_config",
        "language",
        "stdin_filename",
        "cache_dir",
        "no_cache",
        "jobs",
        "ui_lang",
        "verbose",
    ),
    click.argument("paths", nargs=-1, required=True, metavar=N_("PATH...")),
    click.option(
        "--config",
        "config_file",
        type=click.Path(dir_okay=False, path_type=Path),
        metavar=N_("FILE"),
        help=N_("Use this config file for every path (instead of the nearest .contentlint.yaml)."),
    ),
    click.option("--no-config", is_flag=True, help=N_("Ignore config files; use the defaults.")),
    click.option(
        "--lang",
        "language",
        metavar=N_("CODE"),
        help=N_("Language for posts without a `lang` field (default: detect)."),
    ),
    click.option(
        "--stdin-filename", default="<stdin>", show_default=True, help=N_("Name to report for input read from '-'.")
    ),
    click.option(
        "--cache-dir",
        type=click.Path(file_okay=False, path_type=Path),
        metavar=N_("DIRECTORY"),
        help=N_(
            "Where results of unchanged files are kept (default: $XDG_CACHE_HOME/contentlint, ~/.cache/contentlint)."
        ),
    ),
    click.option("--no-cache", is_flag=True, help=N_("Analyse every file again; read and write no cache.")),
    click.option(
        "--jobs",
        "-j",
        type=click.IntRange(0, 64),
        default=0,
        show_default=True,
        help=N_("Worker processes (0: automatic, one per 50 files up to the CPUs not busy with other work)."),
    ),
    ui_lang_option,
    click.option(
        "--verbose",
        "-v",
        is_flag=True,
        help=N_(
            "Also name the files skipped because they hold no post (site config, data and i18n "
            "YAML, section pages, redirect stubs), on stderr."
        ),
    ),
)

gate_options = _option_group(
    ("target", "fail_under"),
    click.option(
        "--target",
        type=click.Choice(sorted(PRESETS)),
        help=N_(
            "Stage-mix target for every calendar and feed (default: the calendar's "
            "target_mix, then config, then 80-20)."
        ),
    ),
    click.option(
        "--fail-under",
        type=click.IntRange(0, 100),
        metavar=N_("SCORE"),
        help=N_("Exit 1 when a calendar's or feed's mix score is below SCORE (default: config, 60)."),
    ),
)

fail_level_option = _option_group(
    ("fail_level",),
    click.option(
        "--fail-level",
        type=click.Choice(FAIL_LEVELS),
        help=N_("Lowest level that makes the exit code 1 (default from config: warning)."),
    ),
)

output_options = _option_group(
    ("output", "template"),
    click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        metavar=N_("FILE"),
        help=N_("Write the report to FILE instead of standard output."),
    ),
    click.option(
        "--template",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        metavar=N_("FILE"),
        help=N_("Render this Jinja2 template (sandboxed, autoescaped) instead of a built-in format."),
    ),
)


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
