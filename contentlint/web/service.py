"""The engine behind the web page: a draft goes through the public API (`contentlint.lint_text`), the PATHs
given to `serve` through the CLI's Runner."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from contentlint import lint_text
from contentlint.config import Config, ConfigResolver
from contentlint.errors import ConfigError
from contentlint.i18n import DEFAULT
from contentlint.result import Result
from contentlint.run import Runner, RunOptions
from contentlint.web.draft import FILE_NAME, Draft

WARM_UP = (Draft(title="Spring sale: 30% off", body="Buy now."), Draft(title="春のセール", body="今すぐ購入。"))


class Engine:
    """Analyses drafts and the served PATHs one request at a time, and writes nothing to disk: no result cache,
    and the page's templates are compiled in memory."""

    def __init__(self, paths: Sequence[str], options: RunOptions) -> None:
        self.paths = list(paths)
        # One process: a worker pool forked from a threaded server is not worth its start-up for one draft.
        self.options = replace(options, keep_excerpts=True, cache_dir=None, jobs=1, stdin_name=FILE_NAME)
        self._runner = Runner(self.options)
        self._lock = threading.Lock()

    def analyse(self, draft: Draft, language: str = DEFAULT) -> Result:
        """The draft linted as `draft.md` in the current folder, under the config `serve` was given (else the
        one found there); its config and input errors in the page's interface ``language``."""
        with self._lock:
            try:
                config = self._config()
            except ConfigError as error:  # shown on the page like any other config error
                result = Result()
                result.add_error(error.in_language(language), "config-error")
                return result.finish()
            return lint_text(
                draft.document().decode("utf-8"),
                path=FILE_NAME,
                lang=self.options.language,
                config=config,
                ui_lang=language,
            )

    def reload(self) -> None:
        """Read the config files again at the next run (the page saved a brief into one)."""
        with self._lock:
            self._runner = Runner(self.options)

    def served(self) -> Result:
        """A fresh run over the PATHs: files are read again, so an edit shows when the page is reloaded."""
        with self._lock:
            return self._runner.run(self.paths)

    def warm_up(self) -> None:
        """Load the pipelines before the first writer waits for them."""
        for draft in WARM_UP:
            self.analyse(draft)

    def _config(self) -> Config | None:
        """`--config FILE` or `--no-config` as given to `serve`; None: the API finds the config itself."""
        if self.options.config_file is None and self.options.use_config_files:
            return None
        config = ConfigResolver(self.options.config_file, self.options.use_config_files).for_directory(Path.cwd())
        return self._runner.effective(config)
