from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from contentlint.config import ConfigResolver
from contentlint.errors import InputError
from contentlint.globs import matches
from contentlint.sources.discover import discover


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("*.md", "a/b/post.md", True),
        ("*.md", "a/b/post.yaml", False),
        ("node_modules", "x/node_modules/pkg/readme.md", True),
        ("drafts/**/*.md", "drafts/2026/01/a.md", True),
        ("drafts/**/*.md", "posts/drafts/a.md", False),
        ("drafts/*.md", "drafts/a.md", True),
        ("drafts/*.md", "drafts/sub/a.md", False),
        ("archive/", "archive/old.md", True),
        (".*", "posts/.hidden/a.md", True),
    ],
)
def test_globs(pattern: str, path: str, expected: bool) -> None:
    assert matches(pattern, path) is expected


def test_walk_uses_include_and_exclude_from_config(write: Callable[..., Path], tmp_path: Path) -> None:
    write(".contentlint.yaml", "include: ['*.md']\nexclude: ['drafts/**', '.*']\n")
    write("posts/a.md", "A")
    write("posts/b.yaml", "title: b\nbody: B\n")
    write("drafts/c.md", "C")
    write(".git/d.md", "D")
    names = [t.display for t in discover([str(tmp_path)], ConfigResolver())]
    assert names == [f"{tmp_path}/posts/a.md"]


def test_walk_is_sorted_and_deduplicated(write: Callable[..., Path], tmp_path: Path) -> None:
    for name in ("b.md", "a.md", "sub/c.md"):
        write(name, "x")
    targets = list(discover([str(tmp_path), str(tmp_path / "a.md")], ConfigResolver(use_files=False)))
    assert [Path(t.display).name for t in targets] == ["a.md", "b.md", "c.md"]
    assert not any(t.explicit for t in targets)


def test_missing_path_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no such file"):
        list(discover(["does/not/exist.md"], ConfigResolver(use_files=False)))
