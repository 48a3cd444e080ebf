"""The help of the command line in the interface language, when it is shown: its texts looked up in the catalogue
while click formats them, and Japanese and Chinese wrapped in terminal columns. Imported only to show a help or a
usage line, so that a normal run neither imports nor does any of this."""

from __future__ import annotations

import gettext
import inspect
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import click

from contentlint import i18n
from contentlint.cli import HELP_OPTION_HELP
from contentlint.i18n import N_

# The words click writes into every usage line and help, as our catalogues translate them (click's own default
# texts are plain literals, or translated when the option is made rather than when it is shown).
OPTIONS_METAVAR = N_("[OPTIONS]")
SUBCOMMAND_METAVAR = N_("COMMAND [ARGS]...")
# Words click looks up through a variable (the metavars of our options' types, "[required]"), which no extractor
# can see in click
CLICK_WORDS = (N_("TEXT"), N_("INTEGER"), N_("INTEGER RANGE"), N_("required"))
# Japanese and Chinese do not start a line with these
_CLOSING = set("、。，．）」』】：；！？")


def _translated(message: str | None) -> str | None:
    return gettext.gettext(message) if message else message


@contextmanager
def in_interface_language(command: click.Command, ctx: click.Context) -> Iterator[None]:
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
        if hasattr(command, "help_option_help"):  # a TranslatedCommand words its help option's help (-h)
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


def short_help(command: click.Command, english: str, limit: int) -> str:
    """A command's line in its group's list: click's (``english``), or the translation's first sentence (up to 。
    or ：) cut to ``limit`` columns, as click's shortening counts words between spaces, which Japanese and Chinese
    lack."""
    translated = _translated(command.help) if gettext.textdomain() == i18n.DOMAIN else command.help
    if not translated or translated == command.help:
        return english
    first = re.split("[。：]", inspect.cleandoc(translated), maxsplit=1)[0]
    lines = _wrap(first, limit - 1)
    return lines[0] + ("…" if len(lines) > 1 else "")
