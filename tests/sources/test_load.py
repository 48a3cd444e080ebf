"""What a file holds: a file that is no post, calendar or profile is skipped whether it was named or walked."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from contentlint.config import Config
from contentlint.errors import EmptyPost, InputError
from contentlint.sources.load import NOT_CONTENT_YAML, Loaded, load_target
from contentlint.sources.readers.markdown import NO_PROSE
from contentlint.sources.target import Target


def load(path: Path, explicit: bool = True) -> Loaded:
    return load_target(Target(str(path), path, explicit), Config())


# Files a Hugo, Jekyll or MkDocs repository commits next to its posts (pre-commit names each one).
NOT_CONTENT_YAML_FILES = {
    "config.yaml": "baseURL: https://example.org/\ntitle: Churn notes\nparams:\n  description: Notes\n",
    ".pre-commit-config.yaml": "repos:\n  - repo: local\n    hooks: []\n",
    "data/authors.yaml": "authors:\n  - name: Ana\n    bio: Writes about data.\n",
    "_data/navigation.yml": "- title: Blog\n  url: /blog/\n",
    "i18n/en.yaml": "- id: readMore\n  translation: Read more\n",
    "i18n/ja.yaml": "readMore: 続きを読む\n",
    # a tag only MkDocs can build: never built, so never an error
    "mkdocs.yml": "site_name: x\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
    "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
    "empty.yaml": "",
    "comments.yaml": "# nothing yet\n",
    "k8s.yaml": "kind: Deployment\nmetadata: {name: web}\n",
}

NO_PROSE_FILES = {
    "empty.md": "",
    "blank.md": "\n \n",
    "fm.md": "---\nlang: en\n---\n",
    "content/posts/_index.md": "---\ntitle: Blog\nmenu: main\n---\n",
    "content/_index.md": '+++\ntitle = "Home"\n+++\n',
    "blog/go-fmt-your-code.md": "---\nredirect: /blog/gofmt\n---\n",
    "blog/old.md": "---\ntitle: Old name\naliases: [/old/, /older/]\n---\n\n",
    "markup-only.md": '---\ntitle: Gallery\n---\n<div class="gallery"></div>\n\n![](/img/a.png)\n',
}


@pytest.mark.parametrize("name", sorted(NOT_CONTENT_YAML_FILES))
@pytest.mark.parametrize("explicit", [True, False])
def test_yaml_that_is_not_content_is_skipped(name: str, explicit: bool, write: Callable[..., Path]) -> None:
    loaded = load(write(name, NOT_CONTENT_YAML_FILES[name]), explicit)
    assert loaded.skipped == NOT_CONTENT_YAML
    assert loaded.posts == [] and loaded.calendar is None and loaded.profile is None and loaded.errors == []


@pytest.mark.parametrize("name", sorted(NO_PROSE_FILES))
@pytest.mark.parametrize("explicit", [True, False])
def test_markdown_without_prose_is_skipped(name: str, explicit: bool, write: Callable[..., Path]) -> None:
    loaded = load(write(name, NO_PROSE_FILES[name]), explicit)
    assert loaded.skipped == NO_PROSE and loaded.posts == [] and loaded.suppressions is None


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("post.yaml", "title: Spring sale\nbody: Buy now!\n"),
        ("untitled.yaml", "body: How to read a churn chart.\n"),
        ("calendar.yaml", "entries:\n  - {date: 2026-01-05, channel: blog, title: How to read a churn chart}\n"),
        ("profile.yaml", "kind: linkedin-profile\nname: Dana\n"),
        ("one-line.md", "How to read a churn chart.\n"),
        ("redirect-with-body.md", "---\nredirect: /new\n---\nThis page moved: here is why the chart changed.\n"),
    ],
)
def test_what_really_is_content_is_read(name: str, text: str, write: Callable[..., Path]) -> None:
    loaded = load(write(name, text))
    assert loaded.skipped is None
    assert loaded.posts or loaded.calendar is not None or loaded.profile is not None


@pytest.mark.parametrize(
    ("name", "text", "says"),
    [
        ("empty-post.yaml", "title: ''\nbody: ''\n", "empty post"),  # a YAML post with nothing in it
        ("broken.yaml", "title: [oops\n", "invalid YAML"),
        ("broken.md", "---\ntitle: [oops\n---\n", "invalid YAML"),
        ("open.md", "---\ntitle: x\n", "never closed"),
    ],
)
def test_garbage_is_still_an_error(name: str, text: str, says: str, write: Callable[..., Path]) -> None:
    with pytest.raises(InputError, match=says):
        load(write(name, text))


def test_empty_stdin_is_an_error_not_a_skip() -> None:
    """Text piped in was meant as a post: nothing in it is a mistake to report, not a file to pass over."""
    with pytest.raises(EmptyPost):
        load_target(Target("<stdin>", None, True), Config(), stdin=io.BytesIO(b"---\nlang: en\n---\n"))
