"""Turn the paths on the command line into the files to lint (walking folders with include/exclude)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from contentlint.config import ConfigResolver
from contentlint.errors import InputError
from contentlint.globs import matches_any
from contentlint.i18n import N_, Text
from contentlint.sources.readers import include_globs
from contentlint.sources.target import Target

STDIN = "-"


def discover(paths: list[str], resolver: ConfigResolver, stdin_name: str = "<stdin>") -> Iterator[Target]:
    """Targets in a stable order: arguments as given, each folder walked in sorted order."""
    seen: set[str] = set()
    for arg in paths:
        if arg == STDIN:
            yield Target(stdin_name, None, True)
            continue
        path = Path(arg)
        if path.is_dir():
            for target in _walk(path, arg, resolver):
                key = os.path.realpath(target.path) if target.path else target.display
                if key not in seen:
                    seen.add(key)
                    yield target
        elif path.exists() or path.is_symlink():
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                yield Target(arg, path, True)
        else:
            raise InputError(Text(N_("no such file or directory")), arg)


def _walk(root: Path, shown: str, resolver: ConfigResolver) -> Iterator[Target]:
    config = resolver.for_directory(root)
    include = include_globs() if config.include is None else config.include
    prefix = shown.rstrip("/\\")
    for folder, dirs, files in os.walk(root):
        rel_folder = os.path.relpath(folder, root).replace(os.sep, "/")
        rel_folder = "" if rel_folder == "." else rel_folder + "/"
        dirs[:] = sorted(d for d in dirs if not matches_any(config.exclude, rel_folder + d))
        for name in sorted(files):
            rel = rel_folder + name
            if matches_any(config.exclude, rel) or not matches_any(include, rel):
                continue
            yield Target(f"{prefix}/{rel}" if prefix else rel, Path(folder) / name, False, shown)
