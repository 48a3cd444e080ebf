"""contentlint: a linter for content strategy (promotional vs insight-led posts, purchase stages).

The public Python API (what the CLI, the web page and editors are built on)::

    import contentlint

    result = contentlint.lint_text("---\\ntitle: Spring sale\\n---\\nBuy now: 30% off!\\n", path="post.md")
    result.findings            # [Finding(path, line, column, level, rule_id, message, ...)]
    result.exit_code()         # 0, 1 or 2, as `contentlint check` would exit

    contentlint.lint_paths(["posts/", "calendar.yaml"], jobs=2)   # files and folders, as `contentlint check`

    c = contentlint.classify_text("How to read your churn chart ...")
    c.label, c.group, c.stage, c.confidence, c.evidence

Importing contentlint is cheap: spaCy and the models load on the first call that analyses a post.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

from contentlint.classification import Classification, Evidence
from contentlint.version import __version__ as __version__

if TYPE_CHECKING:
    from contentlint.analysis import Analysis
    from contentlint.config import Config
    from contentlint.result import Result
    from contentlint.run import Runner

__all__ = ["Classification", "Evidence", "__version__", "classify_text", "lint_paths", "lint_text"]


def lint_text(
    text: str,
    *,
    path: str | os.PathLike[str] = "<text>",
    lang: str | None = None,
    config: Config | None = None,
    ui_lang: str = "en",
) -> Result:
    """Lint ``text`` as if it were the file at ``path`` (which need not exist and is never read).

    ``path`` decides the format (``.md``, ``.yaml``/``.yml`` posts and calendars, ``.csv`` calendars; any other
    name, such as the default ``<text>``, is Markdown) and the name findings carry. ``lang`` is the language for
    posts that declare none (default: the config's, else detected). ``config`` is used as it is (its per-path
    overrides applied to ``path``); without it the nearest ``.contentlint.yaml`` above ``path`` is found, as the
    CLI finds it. Input errors are findings in the Result, never exceptions; a config that cannot be loaded
    raises ``ConfigError``. The Result keeps each post's opening text (``PostSummary.excerpt``). ``ui_lang``
    (``en``, ``ja`` or ``zh``) is the language of the input and config errors in the Result.
    """
    # Imported here: `import contentlint` (for __version__) must not pull in spaCy.
    from pathlib import Path

    return _runner(lang, config, ui_lang=ui_lang).run_text(text, Path(path))


def lint_paths(paths: Iterable[str | os.PathLike[str]], *, config: Config | None = None, jobs: int = 1) -> Result:
    """Lint files and folders as `contentlint check PATH...` does: folders are walked with the config's include
    and exclude globs, a folder's dated posts are scored as a feed, calendars are scored. ``config`` is used for
    every file (default: the nearest ``.contentlint.yaml`` above each file). ``jobs`` worker processes (0: as
    many as pay for themselves); the Result is the same whatever the number. Nothing is cached on disk."""
    return _runner(None, config, jobs).run([os.fspath(p) for p in paths])


def classify_text(text: str, *, lang: str | None = None) -> Classification:
    """The label, group, purchase stage, confidence and evidence of one post (Markdown, front matter allowed).
    ``lang`` is its language when it declares none (default: detected). Raises ``ValueError`` when the text
    holds no post that can be classified (empty, or in a language contentlint cannot analyse)."""
    from pathlib import Path

    found: list[Classification] = []

    def keep(analysis: Analysis) -> None:
        made = Classification.of(analysis)
        if made is not None:
            found.append(made)

    result = _runner(lang, None).run_text(text, Path("<text>"), on_post=keep)
    if not found:
        errors = [f.message for f in result.findings if f.fatal]
        raise ValueError("; ".join(errors) or "no post to classify in the text")
    return found[0]


def _runner(lang: str | None, config: Config | None, jobs: int = 1, ui_lang: str = "en") -> Runner:
    from contentlint.config import ConfigResolver
    from contentlint.run import Runner, RunOptions

    runner = Runner(RunOptions(language=lang, jobs=jobs, keep_excerpts=True, ui_lang=ui_lang))
    if config is not None:
        runner.resolver = ConfigResolver.fixed(config)
    return runner
