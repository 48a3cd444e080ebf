"""The `contentlint` command: a click group whose commands live one per module."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib import import_module

import click

from contentlint import i18n
from contentlint.cli.crash import report_crash
from contentlint.errors import ContentlintError
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


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            module, attribute = COMMANDS[cmd_name]
            self.add_command(getattr(import_module(f"contentlint.cli.{module}"), attribute), cmd_name)
        return self.commands.get(cmd_name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="contentlint")
def cli() -> None:
    """Lint content strategy: find promotional posts, score the stage mix, suggest insight-led rewrites."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code (0 clean, 1 findings, 2 usage/config/input errors)."""
    try:
        code = cli.main(args=list(argv) if argv is not None else None, prog_name="contentlint", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo(i18n.translations(_interface_language(argv)).gettext("Aborted."), err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return 2
    except ContentlintError as exc:
        click.echo(f"contentlint: {exc.in_language(_interface_language(argv))}", err=True)
        return 2
    except Exception:
        click.echo(report_crash(), err=True)
        return 2
    return code if isinstance(code, int) else 0


def _interface_language(argv: Sequence[str] | None) -> str:
    """The `--ui-lang` of the command line (an error can stop the command before click hands it on), else the
    locale's language."""
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
