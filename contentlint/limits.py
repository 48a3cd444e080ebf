"""Limits on what one input may cost: bytes read, YAML nodes and nesting, calendar entries.

Each has a sane default and a config key (`max_file_bytes`, `max_yaml_nodes`, `max_yaml_depth`,
`max_calendar_entries`), so a team with unusually large calendars can raise one without patching code.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    file_bytes: int = 2_000_000  # larger files are skipped with a warning
    yaml_nodes: int = 100_000  # nodes visited once aliases are expanded (stops "billion laughs")
    yaml_depth: int = 64  # nesting levels of a YAML document
    calendar_entries: int = 5_000  # entries read from one calendar


DEFAULT_LIMITS = Limits()
