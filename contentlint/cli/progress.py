"""A progress bar for long runs, on a terminal only: silent when stderr is not a TTY or when CI=true."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click

from contentlint.run import Runner
from contentlint.sources.discover import discover

MIN_FILES = 20  # shorter runs finish before a bar would help


def wanted() -> bool:
    return sys.stderr.isatty() and os.environ.get("CI", "").lower() != "true"


@contextmanager
def progress(runner: Runner, paths: list[str]) -> Iterator[None]:
    if not wanted():
        yield
        return
    try:
        total = sum(1 for _ in discover(paths, runner.resolver))
    except Exception:
        total = 0
    if total < MIN_FILES:
        yield
        return
    with click.progressbar(length=total, label="contentlint", file=sys.stderr, show_pos=True) as bar:
        step: Callable[[str], None] = lambda _name: bar.update(1)  # noqa: E731
        runner.on_file = step
        try:
            yield
        finally:
            runner.on_file = None
