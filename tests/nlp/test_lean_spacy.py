from __future__ import annotations

import subprocess
import sys


def _run(code: str) -> str:
    """``code`` in a fresh interpreter (spaCy imported for the first time there); its stdout."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


def test_analysing_a_post_imports_none_of_spacys_commands() -> None:
    out = _run(
        "import sys, contentlint\n"
        "c = contentlint.classify_text('Hurry! Buy now, the sale ends tonight.', lang='en')\n"
        "print(c.label, 'spacy' in sys.modules, "
        "sorted(m for m in ('typer', 'weasel', 'requests', 'httpx', 'spacy.cli.download') if m in sys.modules))"
    )
    label, spacy_loaded, commands = out.split(" ", 2)
    assert label and spacy_loaded == "True"
    assert commands == "[]"


def test_spacys_commands_are_still_there_when_asked_for() -> None:
    out = _run(
        "from contentlint.nlp.lean_spacy import deferred, import_spacy\n"
        "spacy = import_spacy()\n"
        "before = deferred()\n"
        "import spacy.cli.train\n"
        "from spacy.cli import download\n"
        "import spacy.cli as cli\n"
        "print(before, deferred(), callable(download), cli.train is spacy.cli.train, "
        "callable(spacy.info), spacy.cli is cli)"
    )
    assert out == "True False True True True True"


def test_a_process_that_imported_spacy_first_keeps_it_whole() -> None:
    out = _run(
        "import spacy\n"
        "from contentlint.nlp.lean_spacy import deferred, import_spacy\n"
        "print(import_spacy() is spacy, deferred())"
    )
    assert out == "True False"
