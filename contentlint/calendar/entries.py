"""A calendar (or a feed) and its entries."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from contentlint.calendar.mix import Target
from contentlint.i18n import N_, Text
from contentlint.post import Post

OPEN_CHANNELS = (
    "x",
    "twitter",
    "weibo",
    "blog",
    "instagram",
    "facebook",
    "linkedin",
    "youtube",
    "tiktok",
    "note",
    "threads",
    "bluesky",
    "mastodon",
    "qiita",
    "zenn",
    "press-release",
    "landing-page",
    "docs",
)
CLOSED_CHANNELS = (
    "line",
    "wechat",
    "newsletter",
    "email",
    "sms",
    "community",
    "slack",
    "discord",
    "app-push",
    "members",
)
_DATE = re.compile(r"^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*$")


@dataclass(slots=True)
class Entry:
    index: int
    line: int  # in the calendar (or the post's own file, for a feed)
    path: str
    date: dt.date | None
    channel: str | None
    post: Post | None = None


@dataclass(slots=True)
class Calendar:
    path: str
    name: str
    kind: str  # "calendar" or "feed"
    target: Target
    channel_types: Mapping[str, str] = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)

    def channel_type(self, channel: str | None) -> str | None:
        if channel is None:
            return None
        if channel in self.channel_types:
            return self.channel_types[channel]
        if channel in OPEN_CHANNELS:
            return "open"
        if channel in CLOSED_CHANNELS:
            return "closed"
        return None


def parse_date(value: Any) -> dt.date | None:
    """YAML dates, datetimes and `2026-01-05`, `2026/1/5`, `2026年1月5日` strings; ValueError otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    match = _DATE.match(str(value))
    if not match:
        raise ValueError(Text(N_("date {value} is not a date (use YYYY-MM-DD)"), value=repr(value)))
    year, month, day = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise ValueError(
            Text(N_("date {value} does not exist ({problem})"), value=repr(value), problem=str(exc))
        ) from None


def normalise_channel(value: Any) -> str | None:
    if value is None or str(value).strip() == "":
        return None
    return str(value).strip().lower()
