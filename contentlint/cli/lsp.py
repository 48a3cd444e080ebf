"""`contentlint lsp`: a language server over stdin/stdout for editors (VS Code, Neovim, any LSP client)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import click

from contentlint import i18n
from contentlint.cli import TranslatedCommand
from contentlint.cli.options import build_run_options, ui_lang_option
from contentlint.i18n import N_

MISSING_EXTRA = N_('the language server needs the lsp extra: pip install "contentlint[lsp]"')


@click.command(
    "lsp",
    cls=TranslatedCommand,
    help=N_("Run the language server: diagnostics, hover and code actions for the posts an editor has open."),
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar=N_("FILE"),
    help=N_("Use this config file for every document (instead of the nearest .contentlint.yaml)."),
)
@click.option("--no-config", is_flag=True, help=N_("Ignore config files; use the defaults."))
@click.option(
    "--lang", "language", metavar=N_("CODE"), help=N_("Language for posts without a `lang` field (default: detect).")
)
@click.option(
    "--stdio", is_flag=True, help=N_("Talk over stdin/stdout (the only transport; accepted for clients that pass it).")
)
@ui_lang_option
def command(config_file: Path | None, no_config: bool, language: str | None, stdio: bool, ui_lang: str | None) -> int:
    if importlib.util.find_spec("pygls") is None or importlib.util.find_spec("lsprotocol") is None:
        raise click.ClickException(i18n.translations(i18n.resolve(ui_lang)).gettext(MISSING_EXTRA))
    from contentlint.lsp.server import serve

    serve(build_run_options(config_file, no_config, language, "<stdin>", no_cache=True))
    return 0
