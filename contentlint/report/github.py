"""GitHub Actions workflow commands: one annotation per finding, plus a notice per calendar score."""

from __future__ import annotations

from typing import TextIO

from contentlint.report.printable import one_line
from contentlint.result import Result

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    # Line breaks are shown as `\n` (not %0A): one annotation per finding, whatever its title or file name holds.
    return one_line(text).replace("%", "%25")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write_github(result: Result, stream: TextIO) -> None:
    for f in result.findings:
        props = [f"file={_escape_property(f.path)}"]
        if f.positioned:  # a feed's or calendar's own finding is about the whole file or folder
            props += [f"line={f.line}", f"col={f.column}"]
        if f.end_line is not None and f.end_column is not None:
            props += [f"endLine={f.end_line}", f"endColumn={f.end_column}"]
        props.append(f"title={_escape_property('contentlint ' + f.rule_id)}")
        stream.write(f"::{COMMANDS[f.level]} {','.join(props)}::{_escape_data(f.full_message)}\n")
    for report in result.calendars:
        command = "notice" if report.gate_passed else "error"
        stream.write(
            f"::{command} file={_escape_property(report.calendar.path)},"
            f"title={_escape_property('contentlint mix score')}::"
            f"{_escape_data(f'mix score {report.score}/100 ({report.band}) against {report.target.name}')}\n"
        )
