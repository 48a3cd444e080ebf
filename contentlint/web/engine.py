"""The engine behind the web page: the CLI's Runner, fed a draft as stdin or the PATHs given to `serve`."""
from __future__ import annotations

import io
import threading
from dataclasses import replace
from typing import Sequence

from contentlint.result import Result
from contentlint.run import Runner, RunOptions
from contentlint.sources.discover import STDIN
from contentlint.web.draft import FILE_NAME, Draft

WARM_UP = (Draft(title="Spring sale: 30% off", body="Buy now."), Draft(title="春のセール", body="今すぐ購入。"))


class Engine:
    """Analyses drafts and the served PATHs through the same Runner as `contentlint check`, one request at a
    time (the spaCy pipelines and compiled rules are shared), and writes nothing to disk: no result cache,
    and the page's templates are compiled in memory."""

    def __init__(self, paths: Sequence[str], options: RunOptions) -> None:
        self.paths = list(paths)
        # One process: a worker pool forked from a threaded server is not worth its start-up for one draft.
        self.options = replace(options, keep_excerpts=True, cache_dir=None, jobs=1, stdin_name=FILE_NAME)
        self._runner = Runner(self.options)
        self._lock = threading.Lock()

    def analyse(self, draft: Draft) -> Result:
        with self._lock:
            self._runner.stdin = io.BytesIO(draft.document())
            return self._runner.run([STDIN])

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
