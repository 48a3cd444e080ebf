"""A YAML file holding one post: a mapping with `title`, `body` and front-matter fields."""

from __future__ import annotations

from dataclasses import dataclass

from contentlint.sources.comments import YAML_COMMENTS, CommentSyntax
from contentlint.sources.readers.base import Loaded, Source


@dataclass(frozen=True, slots=True)
class YamlPostReader:
    name: str = "yaml-post"
    suffixes: tuple[str, ...] = (".yaml", ".yml")
    comments: CommentSyntax | None = YAML_COMMENTS

    def sniff(self, source: Source) -> bool:
        from contentlint.sources.post import is_yaml_post  # imported when a file is read: a result-cache hit reads none

        return is_yaml_post(source.yaml().data)

    def read(self, source: Source) -> Loaded:
        from contentlint.sources.post import yaml_post

        return Loaded([yaml_post(source.file(), source.config.language, source.yaml())])


READER = YamlPostReader()
