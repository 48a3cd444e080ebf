"""An editorial calendar in YAML: settings and `entries:`, each an inline post or a `file:` draft."""

from __future__ import annotations

from dataclasses import dataclass

from contentlint.sources.comments import YAML_COMMENTS, CommentSyntax
from contentlint.sources.readers.base import Loaded, Source


@dataclass(frozen=True, slots=True)
class YamlCalendarReader:
    name: str = "yaml-calendar"
    suffixes: tuple[str, ...] = (".yaml", ".yml")
    comments: CommentSyntax | None = YAML_COMMENTS

    def sniff(self, source: Source) -> bool:
        from contentlint.sources.calendar import (
            is_calendar,  # imported when a file is read: a result-cache hit reads none
        )

        return is_calendar(source.yaml().data)

    def read(self, source: Source) -> Loaded:
        from contentlint.sources.calendar import load_yaml_calendar

        file, config, loaded = source.file(), source.config, source.yaml()
        calendar, errors = load_yaml_calendar(
            file,
            loaded.data,
            loaded.node,
            config.language,
            config.limits,
            source.target_override or None,
            config.target,
            config.tolerance,
        )
        return Loaded([e.post for e in calendar.entries if e.post], calendar, errors)


READER = YamlCalendarReader()
