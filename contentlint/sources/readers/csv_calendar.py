"""An editorial calendar exported from a spreadsheet as CSV (UTF-8, or Shift_JIS as Japanese Excel writes it)."""

from __future__ import annotations

from dataclasses import dataclass

from contentlint.errors import InputError
from contentlint.sources.comments import CommentSyntax
from contentlint.sources.readers.base import Loaded, Source


@dataclass(frozen=True, slots=True)
class CsvCalendarReader:
    name: str = "csv-calendar"
    suffixes: tuple[str, ...] = (".csv",)
    comments: CommentSyntax | None = None  # a CSV cell is data: there is no place for a comment

    def sniff(self, source: Source) -> bool:
        return True  # whether the columns make a calendar is for `read` to say, with the reason

    def read(self, source: Source) -> Loaded:
        from contentlint.sources.calendar import (  # imported when a file is read: a result-cache hit reads none
            decode_csv,
            load_csv_calendar,
        )

        config = source.config
        file = decode_csv(source.data, source.target.display, config.max_file_bytes)
        try:
            calendar, errors = load_csv_calendar(
                file, config.language, source.target_override or None, config.limits, config.target, config.tolerance
            )
        except InputError:
            if not source.target.explicit:
                return Loaded()  # a CSV file found by walking that is no calendar is somebody else's data
            raise
        return Loaded([e.post for e in calendar.entries if e.post], calendar, errors)


READER = CsvCalendarReader()
