"""The `contentlint` command: a click group whose commands live one per module, and whose help and click's own
messages are read in the interface language."""

from __future__ import annotations

import gettext
import inspect
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
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
# The words click writes into every usage line and help, as our catalogues translate them (click's own default
# texts are plain literals, or translated when the option is made rather than when it is shown).
OPTIONS_METAVAR = N_("[OPTIONS]")
SUBCOMMAND_METAVAR = N_("COMMAND [ARGS]...")
HELP_OPTION_HELP = N_("Show this message and exit.")
# Words click looks up through a variable (the metavars of our options' types, "[required]"), which no extractor
# can see in click
CLICK_WORDS = (N_("TEXT"), N_("INTEGER"), N_("INTEGER RANGE"), N_("required"))
# Japanese and Chinese do not start a line with these
_CLOSING = set("、。，．）」』】：；！？")


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


def _translated(message: str | None) -> str | None:
    return gettext.gettext(message) if message else message


@contextmanager
def _help_in_interface_language(command: click.Command, ctx: click.Context) -> Iterator[None]:
    """The command's help, epilog and usage words, and its parameters' help and metavars, translated while click
    formats them (when `speaking` a language other than English), and put back afterwards: the language is
    known only once the arguments are read, and a run that shows no help never looks them up."""
    if gettext.textdomain() != i18n.DOMAIN:
        yield
        return
    saved: list[tuple[object, str, Any]] = []

    def put(target: object, name: str, value: Any) -> None:
        saved.append((target, name, getattr(target, name)))
        setattr(target, name, value)

    try:
        if isinstance(command, TranslatedCommand):
            put(command, "help_option_help", _translated(HELP_OPTION_HELP))
        put(command, "help", _translated(command.help))
        put(command, "epilog", _translated(command.epilog))
        put(command, "options_metavar", _translated(command.options_metavar))
        if isinstance(command, click.Group):
            put(command, "subcommand_metavar", _translated(command.subcommand_metavar))
        for param in command.get_params(ctx):
            put(param, "help", _translated(param.help))
            metavar = param.make_metavar(ctx)
            if gettext.gettext(metavar) != metavar:  # click's own words (FILE, INTEGER) and ours (PATH, SCORE)
                put(param, "metavar", gettext.gettext(metavar))
        yield
    finally:
        for target, name, value in reversed(saved):
            setattr(target, name, value)


def _columns(text: str) -> int:
    """How many terminal columns ``text`` takes: two for each wide (Chinese, Japanese) character."""
    from unicodedata import east_asian_width  # only when a help in Japanese or Chinese is shown

    return sum(2 if east_asian_width(c) in "WF" else 1 for c in text)


def _wide(text: str) -> bool:
    return any(ord(c) >= 0x1100 for c in text)


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns, broken between wide characters or at spaces, never inside
    an ASCII word (an option name or a path) nor before closing punctuation."""
    pieces: list[str] = []
    for token in re.findall(r"[\x21-\x7e]+|\s+|.", " ".join(text.split())):
        if pieces and token[0] in _CLOSING:
            pieces[-1] += token
        else:
            pieces.append(token)
    lines, line = [], ""
    for piece in pieces:
        if line and not line.isspace() and _columns(line + piece.rstrip()) > width:
            lines.append(line.rstrip())
            line = piece.lstrip()
        else:
            line += piece
    return [*lines, line.rstrip()] if line.strip() else lines


class HelpFormatter(click.HelpFormatter):
    """Click's formatter, measuring Japanese and Chinese help in terminal columns (click counts characters, and
    breaks lines only at spaces); English goes through click's own code, unchanged."""

    def write_text(self, text: str) -> None:
        if not _wide(text):
            return super().write_text(text)
        indent = " " * self.current_indent
        for paragraph in text.split("\n\n"):
            lines = _wrap(paragraph, max(self.width - self.current_indent, 11))
            self.write("".join(f"{indent}{line}\n" for line in lines))
        return None

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        if not any(_wide(first + second) for first, second in rows):
            return super().write_dl(rows, col_max, col_spacing)
        first_col = min(max(_columns(first) for first, _ in rows), col_max) + col_spacing
        margin = " " * (first_col + self.current_indent)
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if _columns(first) <= first_col - col_spacing:
                self.write(" " * (first_col - _columns(first)))
            else:
                self.write("\n" + margin)
            lines = _wrap(second, max(self.width - first_col - 2, 10)) or [""]
            self.write(lines[0] + "\n" + "".join(f"{margin}{line}\n" for line in lines[1:]))
        return None


class HelpContext(click.Context):
    formatter_class = HelpFormatter


class TranslatedCommand(click.Command):
    """A command whose help comes out in the interface language: its texts are marked with `N_` where they are
    written and looked up in the catalogue only when click formats the help or a usage line."""

    context_class = HelpContext
    help_option_help = HELP_OPTION_HELP

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _help_in_interface_language(self, ctx):
            super().format_help(ctx, formatter)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _help_in_interface_language(self, ctx):
            super().format_usage(ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        """Click's first sentence of the help, shortened; a translation's first sentence (up to 。 or ：), cut to
        ``limit`` columns, as click's shortening counts words between spaces, which Japanese and Chinese lack."""
        english = super().get_short_help_str(limit)
        translated = _translated(self.help) if gettext.textdomain() == i18n.DOMAIN else self.help
        if not translated or translated == self.help:
            return english
        first = re.split("[。：]", inspect.cleandoc(translated), maxsplit=1)[0]
        lines = _wrap(first, limit - 1)
        return lines[0] + ("…" if len(lines) > 1 else "")

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        # click words the help option's help once, when it first makes the option, in the language of that moment;
        # it is worded here instead, in the language of the help being shown (see _help_in_interface_language)
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
@click.version_option(__version__, prog_name="contentlint", help=N_("Show the version and exit."))
@click.option(
    "--ui-lang",
    type=click.Choice(i18n.UI_LANGUAGES),
    help=N_("Interface language of every command (each command's own --ui-lang wins)."),
)
@click.pass_context
def cli(ctx: click.Context, ui_lang: str | None) -> None:
    if ui_lang is not None:  # the default of each command's --ui-lang
        ctx.default_map = {name: {"ui_lang": ui_lang} for name in COMMANDS}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code (0 clean, 1 findings, 2 usage/config/input errors)."""
    language = interface_language(argv)
    try:
        code = cli.main(args=list(argv) if argv is not None else None, prog_name="contentlint", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo(i18n.translations(language).gettext("Aborted."), err=True)
        return 130
    except click.UsageError as exc:
        # "Error:", "Try ... for help." and the message are worded when shown, the metavars in them too
        with speaking(language), _help_in_interface_language(exc.ctx.command, exc.ctx) if exc.ctx else nullcontext():
            exc.show()
        return 2
    except click.ClickException as exc:
        with speaking(language):
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
    """Console-script entry point."""
    sys.exit(main())
