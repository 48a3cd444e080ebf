"""Reading the files a run is given, only when they are regular files.

Opening a FIFO blocks until something writes to it, a character device such as /dev/zero never ends and a socket
cannot be read at all, so a named pipe called `post.md` (in a walked folder, behind a calendar's `file:`, as a
config, rule pack, baseline, template or cache entry) would stall the run. Every input is opened without
blocking and checked with fstat before a byte is read.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe, FIFO"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


class NotRegularFile(OSError):
    """The path exists but is not a regular file; ``strerror`` says what it is."""


def read_regular(path: str | Path, limit: int | None = None) -> bytes:
    """The bytes of ``path`` (at most ``limit``), or OSError; NotRegularFile when it is not a regular file."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            what = next((name for test, name in _KINDS if test(mode)), "not a file")
            raise NotRegularFile(errno.EINVAL, f"not a regular file ({what}); refused", str(path))
        with os.fdopen(fd, "rb", closefd=True) as handle:
            fd = -1
            return handle.read() if limit is None else handle.read(limit)
    finally:
        if fd >= 0:
            os.close(fd)


def read_regular_text(path: str | Path, encoding: str = "utf-8") -> str:
    return read_regular(path).decode(encoding)


def cache_home() -> Path:
    """Where contentlint keeps what it may throw away (results, parsed packs, compiled templates):
    $XDG_CACHE_HOME/contentlint, else ~/.cache/contentlint."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "contentlint"
