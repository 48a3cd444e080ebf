"""contentlint: a linter for content strategy (promotional vs insight-led posts, purchase stages)."""
from __future__ import annotations

import os
from typing import TYPE_CHECKING

from contentlint.version import __version__ as __version__

if TYPE_CHECKING:
    from contentlint.config import Config
    from contentlint.result import Result


def lint_text(text: str, *, path: str | os.PathLike[str], lang: str | None = None,
              config: Config | None = None) -> Result:
    """Lint ``text`` as if it were the file at ``path`` (which need not exist and is never read).

    ``path`` decides the format (``.md``, ``.yaml``/``.yml`` posts and calendars, ``.csv`` calendars) and the name
    findings carry. ``lang`` is the language for posts that declare none (default: the config's, else detected).
    ``config`` is used as it is (its per-path overrides applied to ``path``); without it the nearest
    ``.contentlint.yaml`` above ``path`` is found, as the CLI finds it. Input errors are findings in the Result,
    never exceptions; a config that cannot be loaded raises ``ConfigError``.
    """
    # Imported here: `import contentlint` (for __version__) must not pull in spaCy.
    from pathlib import Path

    from contentlint.config import ConfigResolver
    from contentlint.run import Runner, RunOptions

    runner = Runner(RunOptions(language=lang))
    if config is not None:
        runner.resolver = ConfigResolver.fixed(config)
    return runner.run_text(text, Path(path))
