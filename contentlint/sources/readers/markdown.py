"""Markdown (and MDX) with optional YAML or TOML front matter; also text piped in on standard input."""

from __future__ import annotations

from dataclasses import dataclass

from contentlint.errors import EmptyPost
from contentlint.i18n import N_
from contentlint.sources.comments import MARKDOWN_COMMENTS, CommentSyntax
from contentlint.sources.readers.base import Loaded, Source

NO_PROSE = N_("no prose to lint (empty, front matter only, a section page or a redirect stub)")


@dataclass(frozen=True, slots=True)
class MarkdownReader:
    name: str = "markdown"
    suffixes: tuple[str, ...] = (".md", ".markdown", ".mdx")
    comments: CommentSyntax | None = MARKDOWN_COMMENTS

    def sniff(self, source: Source) -> bool:
        return True  # any text is Markdown, front matter or not

    def read(self, source: Source) -> Loaded:
        from contentlint.sources.post import (
            markdown_post,  # imported when a file is read: a result-cache hit reads none
        )

        file, config = source.file(), source.config
        if source.target.path is None:  # text piped in is a post by intent: empty, it is an error
            return Loaded([markdown_post(file, config.language, config.limits)])
        try:
            post = markdown_post(file, config.language, config.limits)
        except EmptyPost:
            return Loaded(skipped=NO_PROSE)
        if not post.text[post.body_start :].strip():
            return Loaded(skipped=NO_PROSE)  # a title alone is a page's name (Hugo `_index.md`), not a post
        return Loaded([post])


READER = MarkdownReader()
