"""`contentlint serve [PATH...]`: a local web page where a marketer pastes a draft and reads what to change,
and browses the mix of the calendars and posts in PATH."""

from __future__ import annotations

import errno
import importlib.util
import socket
import threading
from pathlib import Path

import click

from contentlint import i18n
from contentlint.cli import TranslatedCommand
from contentlint.cli.options import build_run_options, ui_lang_option
from contentlint.i18n import N_

MISSING_EXTRA = N_('the web page needs the web extra: pip install "contentlint[web]"')


def _web_extra_installed() -> bool:
    """Starlette, uvicorn and python-multipart (imported as python_multipart, or multipart before 0.0.13)."""
    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        return False
    return any(importlib.util.find_spec(name) is not None for name in ("python_multipart", "multipart"))


def _port_free(host: str, port: int, language: str) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return False
            raise click.ClickException(
                i18n.translations(language)
                .gettext("cannot listen on {host}:{port}: {reason}")
                .format(host=host, port=port, reason=exc.strerror or exc)
            ) from None
    return True


@click.command(
    "serve",
    cls=TranslatedCommand,
    help=N_(
        "Open a local web page: paste a draft and see its label, stage, findings and rewrites; browse the "
        "calendars and posts in PATH (a calendar file or a folder of posts)."
    ),
)
@click.argument("paths", nargs=-1, metavar=N_("[PATH...]"))
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True, help=N_("Port to listen on."))
@click.option(
    "--host",
    default=None,
    metavar=N_("ADDRESS"),
    help=N_("Listen on ADDRESS instead of 127.0.0.1. Anyone who can reach it can use the page."),
)
@click.option("--open", "open_browser", is_flag=True, help=N_("Open the page in the web browser."))
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar=N_("FILE"),
    help=N_("Use this config file (instead of the nearest .contentlint.yaml)."),
)
@click.option("--no-config", is_flag=True, help=N_("Ignore config files; use the defaults."))
@ui_lang_option
def command(
    paths: tuple[str, ...],
    port: int,
    host: str | None,
    open_browser: bool,
    config_file: Path | None,
    no_config: bool,
    ui_lang: str | None,
) -> int:
    if not _web_extra_installed():
        click.echo("contentlint: " + i18n.translations(i18n.resolve(ui_lang)).gettext(MISSING_EXTRA), err=True)
        return 2
    import uvicorn

    from contentlint.web.app import create_app
    from contentlint.web.hosts import WILDCARD, allowed_hosts, is_loopback, url_host
    from contentlint.web.service import Engine

    language = i18n.resolve(ui_lang)
    catalogue = i18n.translations(language)
    for path in paths:
        if not Path(path).exists():
            raise click.BadParameter(
                catalogue.gettext("{path}: no such file or folder").format(path=path), param_hint="PATH"
            )
    listen = "127.0.0.1" if host is None else host
    if not is_loopback(listen):
        click.echo(
            "contentlint: "
            + catalogue.gettext(
                "warning: listening on {listen}: anyone who can reach this machine on port {port} can use the page "
                "and read the files it was given"
            ).format(listen=listen, port=port),
            err=True,
        )
    if not _port_free(listen, port, language):
        raise click.ClickException(
            catalogue.gettext("port {port} is in use on {listen}; choose another with --port").format(
                port=port, listen=listen
            )
        )
    engine = Engine(list(paths), build_run_options(config_file, no_config, None, "<stdin>", no_cache=True))
    # a browser that asks for one of our languages gets it; others get --ui-lang, else the locale's language
    app = create_app(engine, allowed_hosts(listen), language)
    url = f"http://{url_host('127.0.0.1' if listen in WILDCARD else listen)}:{port}/"
    click.echo(
        "contentlint: " + catalogue.gettext("the page is at {url} (Ctrl+C stops the server)").format(url=url), err=True
    )
    threading.Thread(target=engine.warm_up, name="warm-up", daemon=True).start()
    if open_browser:
        import webbrowser

        threading.Timer(1.0, webbrowser.open, [url]).start()
    # One Ctrl+C or SIGTERM stops it: a request still being analysed is given 2 s, not waited on without end.
    uvicorn.run(
        app,
        host=listen,
        port=port,
        log_level="warning",
        access_log=False,
        server_header=False,
        timeout_graceful_shutdown=2,
    )
    return 0
