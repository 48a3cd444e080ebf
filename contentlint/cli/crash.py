"""Unexpected errors: one line for the user, the details in a crash log."""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback

from contentlint.i18n import N_
from contentlint.version import __version__


def _spacy_version() -> str:
    module = sys.modules.get("spacy")
    return getattr(module, "__version__", "not loaded")


def report_crash() -> str:
    import platform  # only when something crashed

    details = (
        f"contentlint {__version__}\nPython {platform.python_version()} ({sys.platform})\n"
        f"spaCy {_spacy_version()}\nargv: {sys.argv!r}\n\n{traceback.format_exc()}"
    )
    try:
        fd, path = tempfile.mkstemp(prefix=f"contentlint-crash-{time.strftime('%Y%m%d-%H%M%S')}-", suffix=".log")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(details)
    except OSError:
        return "contentlint: " + _gettext(N_("internal error (could not write a crash log):")) + "\n" + details
    return "contentlint: " + _gettext(
        N_("internal error; details in {path} — please attach it to a bug report")
    ).format(path=path)


def _gettext(message: str) -> str:
    """``message`` in the interface language of the environment (the crash may have come before any option was
    read); English when even that fails."""
    try:
        from contentlint import i18n

        return i18n.translations(i18n.resolve(None)).gettext(message)
    except Exception:
        return message
