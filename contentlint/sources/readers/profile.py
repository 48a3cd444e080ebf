"""A LinkedIn profile exported or written as YAML (`kind: linkedin-profile`)."""

from __future__ import annotations

from dataclasses import dataclass

from contentlint.sources.comments import YAML_COMMENTS, CommentSyntax
from contentlint.sources.readers.base import Loaded, Source


@dataclass(frozen=True, slots=True)
class ProfileReader:
    name: str = "linkedin-profile"
    suffixes: tuple[str, ...] = (".yaml", ".yml")
    comments: CommentSyntax | None = YAML_COMMENTS

    def sniff(self, source: Source) -> bool:
        from contentlint.sources.profile import (
            is_profile,  # imported when a file is read: a result-cache hit reads none
        )

        return is_profile(source.yaml().data)

    def read(self, source: Source) -> Loaded:
        from contentlint.sources.profile import load_profile

        loaded = source.yaml()
        return Loaded(profile=load_profile(source.file(), loaded.data, loaded.node, source.config.language))


READER = ProfileReader()
