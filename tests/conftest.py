from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from contentlint.model import Post
from contentlint.sources.decode import decode
from contentlint.sources.post import markdown_post

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write a file under tmp_path (text as UTF-8 unless bytes are given) and return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))
        return path

    return _write


def post_from(text: str, path: str = "post.md") -> Post:
    return markdown_post(decode(text.encode("utf-8"), path))


def tree_digest(root: Path) -> dict[str, str]:
    """Hash of every file below root, to prove a run left its inputs untouched."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never read or write the user's result cache."""
    import os

    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))


@pytest.fixture(autouse=True, scope="session")
def _english_locale() -> None:
    """Tests read the English interface whatever the developer's locale; the ones about other languages set
    LANG or --ui-lang themselves."""
    import os

    for name in ("LC_ALL", "LC_MESSAGES"):
        os.environ.pop(name, None)
    os.environ["LANG"] = "C.UTF-8"


def finishes_within(seconds: float, work: Callable[[], object]) -> object:
    """``work()``'s result, run in a forked process that is killed after ``seconds``: a super-linear case fails
    here instead of hanging the suite (a thread cannot be stopped inside a C loop that holds the GIL)."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe(duplex=False)

    def target() -> None:
        try:
            child.send(("ok", work()))
        except BaseException as exc:
            child.send(("raised", repr(exc)))

    process = context.Process(target=target, daemon=True)
    process.start()
    ready = parent.poll(seconds)
    if not ready:
        process.kill()
        process.join()
        pytest.fail(f"took longer than {seconds} s")
    status, value = parent.recv()
    process.join()
    assert status == "ok", value
    return value
