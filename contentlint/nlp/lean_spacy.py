"""`import spacy` without spaCy's command line (issue #19).

spaCy's ``__init__`` imports ``spacy.cli`` for the one name ``spacy.info``, and ``spacy.cli`` imports every
command spaCy has: downloads (requests, httpx), projects (weasel, typer), config tools. That is about a third of
`import spacy` (0.25 of 0.7 CPU seconds here), paid by every process that analyses a post, and contentlint never
runs a spaCy command. So before spaCy is first imported, ``spacy.cli`` is registered as a package whose
``__init__`` has not run yet: its submodules import as usual from spaCy's own folder, and the first name read
from it (``spacy.cli.train``, ``from spacy.cli import download``, ``spacy.info()``) imports the real package, so
code that does use spaCy's commands in the same process still gets them.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

CLI, INFO = "spacy.cli", "spacy.cli.info"


class _DeferredCli(ModuleType):
    """``spacy.cli`` before its ``__init__`` has run: any name read from it imports the real package."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # probes (copy, pickle, inspect) must not load spaCy's commands
            raise AttributeError(name)
        return getattr(real_cli(), name)


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info`` until the real one is imported."""
    real_cli()
    return importlib.import_module(INFO).info(*args, **kwargs)


def import_spacy() -> ModuleType:
    """The ``spacy`` module, imported without ``spacy.cli`` when this process has not imported spaCy yet."""
    if "spacy" not in sys.modules and CLI not in sys.modules:
        _defer_cli()
    import spacy

    if deferred() and not hasattr(spacy, "cli"):
        spacy.cli = sys.modules[CLI]  # type: ignore[attr-defined]
    return spacy


def deferred() -> bool:
    """Whether ``spacy.cli`` is still the placeholder (its commands not imported)."""
    return isinstance(sys.modules.get(CLI), _DeferredCli)


def real_cli() -> ModuleType:
    """The real ``spacy.cli``, imported now if only the placeholder was."""
    if not deferred():
        return importlib.import_module(CLI)
    placeholder = sys.modules.pop(CLI)
    if getattr(sys.modules.get(INFO), "info", None) is _info:
        del sys.modules[INFO]
    cli = importlib.import_module(CLI)
    for name, value in vars(placeholder).items():  # submodules imported through the placeholder
        if isinstance(value, ModuleType) and not hasattr(cli, name):
            setattr(cli, name, value)
    spacy = sys.modules.get("spacy")
    if spacy is not None:
        spacy.cli = cli  # type: ignore[attr-defined]
        spacy.info = importlib.import_module(INFO).info  # type: ignore[attr-defined]
    return cli


def _defer_cli() -> None:
    spec = importlib.util.find_spec("spacy")
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    folder = Path(locations[0]) / "cli" if locations else None
    if folder is None or not (folder / "__init__.py").is_file() or not (folder / "info.py").is_file():
        return  # laid out differently than this expects: spaCy is imported whole
    cli = _DeferredCli(CLI, "spaCy's command line, imported on first use (contentlint.nlp.lean_spacy)")
    cli.__path__ = [str(folder)]
    cli.__package__ = CLI
    info = ModuleType(INFO)
    info.info = _info  # type: ignore[attr-defined]
    cli.info = info  # type: ignore[attr-defined]
    sys.modules[CLI] = cli
    sys.modules[INFO] = info
