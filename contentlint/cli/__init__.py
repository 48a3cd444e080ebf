"""The `contentlint` command: a click group whose commands live one per module, and whose help and click's own
messages are read in the interface language."""

from __future__ import annotations

import gettext
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from importlib import import_module
from typing import Any

import click

from contentlint import i18n
from contentlint.cli.crash import report_crash
from contentlint.errors import ContentlintError
from contentlint.i18n import N_
from contentlint.version import __version__

# name -> (module, attribute): a command's module is imported only when that command runs or help lists it, so
# that `check` on a cache hit (a pre-commit hook's common case) does not pay for the web server or training.
COMMANDS = {
    "check": ("check", "command"),
    "report": ("report", "command"),
    "classify": ("classify", "command"),
    "rules": ("rules", "command"),
    "explain": ("explain", "command"),
    "init": ("init", "command"),
    "config": ("init", "config_command"),
    "train": ("train", "command"),
    "eval": ("evaluate", "command"),
    "serve": ("serve", "command"),
    "lsp": ("lsp", "command"),
}
HELP_OPTION_HELP = N_("Show this message and exit.")


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Click's own messages ("Usage:", "Options", "Error: No such option ...") and the help in ``language``.

    Click marks its messages with gettext's module-level `gettext`, which looks them up in the current text
    domain, for the language that the LANGUAGE variable names first; our catalogues hold click's messages too
    (tools/catalogues.py extracts them from the installed click). English changes nothing, so that a run in
    English does no gettext work at all."""
    if language == i18n.DEFAULT:
        yield
        return
    domain, variable = gettext.textdomain(), os.environ.get("LANGUAGE")
    gettext.bindtextdomain(i18n.DOMAIN, str(i18n.LOCALE_DIR))
    gettext.textdomain(i18n.DOMAIN)
    os.environ["LANGUAGE"] = language
    try:
        yield
    finally:
        gettext.textdomain(domain)
        if variable is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = variable


class HelpContext(click.Context):
    def make_formatter(self) -> click.HelpFormatter:
        from contentlint.cli.helptext import HelpFormatter  # only when a help or a usage line is shown

        return HelpFormatter(width=self.terminal_width, max_width=self.max_content_width)


class TranslatedCommand(click.Command):
    """A command whose help comes out in the interface language: its texts are marked with `N_` where they are
    written and looked up in the catalogue only when click formats the help or a usage line."""

    context_class = HelpContext
    help_option_help = HELP_OPTION_HELP

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from contentlint.cli.helptext import in_interface_language

        with in_interface_language(self, ctx):
            super().format_help(ctx, formatter)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from contentlint.cli.helptext import in_interface_language

        with in_interface_language(self, ctx):
            super().format_usage(ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        from contentlint.cli.helptext import short_help

        return short_help(self, super().get_short_help_str(limit), limit)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        # click words the help option's help once, when it first makes the option, in the language of that moment;
        # it is worded here instead, in the language of the help being shown (see helptext.in_interface_language)
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = self.help_option_help
        return option


class LazyGroup(TranslatedCommand, click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            module, attribute = COMMANDS[cmd_name]
            self.add_command(getattr(import_module(f"contentlint.cli.{module}"), attribute), cmd_name)
        return self.commands.get(cmd_name)

    def main(self, args: Sequence[str] | None = None, *rest: Any, **extra: Any) -> Any:
        with speaking(interface_language(args)):
            return super().main(args, *rest, **extra)


@click.group(
    cls=LazyGroup,
    help=N_("Lint content strategy: find promotional posts, score the stage mix, suggest insight-led rewrites."),
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=lambda ctx, _param, value: _show_version(ctx, value),
    help=N_("Show the version and exit."),
)
@click.option(
    "--ui-lang",
    type=click.Choice(i18n.UI_LANGUAGES),
    help=N_("Interface language of every command (each command's own --ui-lang wins)."),
)
@click.pass_context
def cli(ctx: click.Context, ui_lang: str | None) -> None:
    if ui_lang is not None:  # the default of each command's --ui-lang
        ctx.default_map = {name: {"ui_lang": ui_lang} for name in COMMANDS}


def _show_version(ctx: click.Context, value: bool) -> None:
    """`--version`, worded when it is shown: click's own option words its line once, when the program is loaded,
    so it stayed English. The words are click's, which our catalogues translate (`speaking`)."""
    if not value or ctx.resilient_parsing:
        return
    line = gettext.gettext("%(prog)s, version %(version)s")
    click.echo(line % {"prog": "contentlint", "package": "contentlint", "version": __version__}, color=ctx.color)
    ctx.exit()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code (0 clean, 1 findings, 2 usage/config/input errors)."""
    language = interface_language(argv)
    with speaking(language):  # click's words in what it shows for an error too, after the group's own run
        return _main(argv, language)


def _main(argv: Sequence[str] | None, language: str) -> int:
    try:
        code = cli.main(args=list(argv) if argv is not None else None, prog_name="contentlint", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo(i18n.translations(language).gettext("Aborted."), err=True)
        return 130
    except click.UsageError as exc:
        from contentlint.cli.helptext import in_interface_language

        # "Error:", "Try ... for help." and the message are worded when shown, the metavars in them too
        with in_interface_language(exc.ctx.command, exc.ctx) if exc.ctx else nullcontext():
            exc.show()
        return 2
    except click.ClickException as exc:
        exc.show()
        return 2
    except ContentlintError as exc:
        click.echo(f"contentlint: {exc.in_language(language)}", err=True)
        return 2
    except Exception:
        click.echo(report_crash(), err=True)
        return 2
    return code if isinstance(code, int) else 0


def interface_language(argv: Sequence[str] | None) -> str:
    """The `--ui-lang` of the command line (read before click parses it, so that its help and usage errors are in
    that language too), else the locale's language."""
    args = list(sys.argv[1:] if argv is None else argv)
    requested = None
    for index, arg in enumerate(args):
        if arg == "--ui-lang" and index + 1 < len(args):
            requested = args[index + 1]
        elif arg.startswith("--ui-lang="):
            requested = arg.split("=", 1)[1]
    return i18n.resolve(requested)


def run() -> None:
    """Console-script entry point: exits without tearing the interpreter down (`quick_exit`)."""
    from contentlint.cli import quick_exit

    quick_exit.arm()
    code = main()
    quick_exit.set_code(code)
    sys.exit(code)
