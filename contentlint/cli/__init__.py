"""The `contentlint` command: a click group whose commands live one per module."""
from __future__ import annotations

import sys
from typing import Sequence

import click

from contentlint import __version__
from contentlint.cli.crash import report_crash
from contentlint.errors import ContentlintError


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="contentlint")
def cli() -> None:
    """Lint content strategy: find promotional posts, score the stage mix, suggest insight-led rewrites."""


def _register() -> None:
    from contentlint.cli import check, classify, evaluate, explain, init, lsp, report, rules, serve, train

    for module in (check, report, classify, rules, explain, init, train, evaluate, serve, lsp):
        cli.add_command(module.command)
    cli.add_command(init.config_command)


_register()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code (0 clean, 1 findings, 2 usage/config/input errors)."""
    try:
        code = cli.main(args=list(argv) if argv is not None else None, prog_name="contentlint",
                        standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return 2
    except ContentlintError as exc:
        click.echo(f"contentlint: {exc}", err=True)
        return 2
    except Exception:  # noqa: BLE001 - the one place that turns a bug into a short message and a log
        click.echo(report_crash(), err=True)
        return 2
    return code if isinstance(code, int) else 0


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
