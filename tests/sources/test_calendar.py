from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from contentlint.config import Config
from contentlint.errors import InputError
from contentlint.post import Position
from contentlint.sources.load import load_target
from contentlint.sources.target import Target

CALENDAR = """\
name: Spring
target_mix: thirds
channels: {line: closed}
entries:
  - date: 2026-03-02
    channel: X
    title: "Spring sale: 30% off"
    body: |
      Use code SPRING30. Buy now!
  - date: 2026/03/09
    channel: blog
    file: posts/guide.md
    stage: pre
    kpi: followers
"""
GUIDE = "---\ntitle: How to plan a content audit\n---\nA step-by-step guide.\n"


def load(path: Path, explicit: bool = True):  # type: ignore[no-untyped-def]
    return load_target(Target(str(path), path, explicit), Config())


def test_yaml_calendar_entries_and_positions(write: Callable[..., Path]) -> None:
    write("posts/guide.md", GUIDE)
    loaded = load(write("calendar.yaml", CALENDAR))
    assert loaded.errors == []
    calendar = loaded.calendar
    assert (calendar.name, calendar.target.name, calendar.kind) == ("Spring", "thirds", "calendar")
    assert [e.line for e in calendar.entries] == [5, 10]
    assert [e.date for e in calendar.entries] == [dt.date(2026, 3, 2), dt.date(2026, 3, 9)]
    assert [e.channel for e in calendar.entries] == ["x", "blog"]
    assert calendar.channel_type("line") == "closed" and calendar.channel_type("x") == "open"
    inline, from_file = loaded.posts
    assert inline.position(inline.text.index("Buy now")) == Position(9, 26) and inline.line == 5
    assert inline.position(0) == Position(7, 13)  # the title, inside its quotes
    assert from_file.path.endswith("posts/guide.md") and from_file.entry_line == 10
    assert from_file.fields["kpi"] == "followers" and from_file.fields["stage"] == "pre"
    assert from_file.field_location("kpi") == (calendar.path, Position(10, 1))


def test_file_outside_the_calendar_folder_is_refused(write: Callable[..., Path], tmp_path: Path) -> None:
    write("secret.md", GUIDE)
    path = write(
        "cal/calendar.yaml",
        "entries:\n  - {date: 2026-01-01, title: t, file: ../secret.md}\n"
        "  - {date: 2026-01-08, title: Fine, body: Still loaded.}\n",
    )
    loaded = load(path)
    (error,) = loaded.errors
    assert "outside the calendar's folder" in error.message and error.line == 2
    assert [p.title for p in loaded.posts] == ["Fine"]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("  - {date: 2026-13-45, title: t, body: b}\n", "month must be in 1..12"),
        ("  - {date: soon, title: t, body: b}\n", "is not a date"),
        ("  - {date: 2026-01-01, title: t, body: b, colour: red}\n", "unknown key `colour`"),
        ("  - just a string\n", "must be a mapping"),
    ],
)
def test_bad_entries_are_reported_and_the_rest_loaded(write: Callable[..., Path], entry: str, message: str) -> None:
    path = write("calendar.yaml", "entries:\n" + entry + "  - {date: 2026-01-08, title: Fine, body: ok}\n")
    loaded = load(path)
    (error,) = loaded.errors
    assert message in error.message and error.line == 2 and error.path == str(path)
    assert [p.title for p in loaded.posts] == ["Fine"]


CSV = (
    "date,channel,title,body,stage,kpi\n"
    '2026-04-06,blog,How to plan a content audit,"A guide, step by step.",pre,clicks\n'
    '2026-04-13,x,Spring sale,"Line one\nline two",at,followers\n'
    "2026-04-20,newsletter,Tips for existing users,Open Settings.,post,\n"
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932"])
def test_csv_calendar_encodings_and_rows(write: Callable[..., Path], encoding: str) -> None:
    data = CSV.replace("Tips for existing users", "既存ユーザー向けの使い方").encode(encoding)
    loaded = load(write("calendar.csv", data))
    assert loaded.errors == []
    assert [e.line for e in loaded.calendar.entries] == [2, 3, 5]  # a quoted cell spans two lines
    assert loaded.posts[2].title == "既存ユーザー向けの使い方"
    assert loaded.posts[1].fields["kpi"] == "followers"
    assert all(p.position(0) == Position(p.line, 1) for p in loaded.posts)


def test_csv_with_japanese_headers_from_excel(write: Callable[..., Path]) -> None:
    data = "日付,チャネル,タイトル,本文\r\n2026/4/6,LINE,春のセール,全品30%オフ\r\n".encode("cp932")
    loaded = load(write("calendar.csv", data))
    (entry,) = loaded.calendar.entries
    assert (entry.date, entry.channel, loaded.posts[0].title) == (dt.date(2026, 4, 6), "line", "春のセール")


def test_csv_problems(write: Callable[..., Path]) -> None:
    with pytest.raises(InputError, match="no `title` column"):
        load(write("a.csv", "date,channel\n2026-01-01,x\n"))
    loaded = load(write("b.csv", "date,title\n2026-01-01,ok\n2026-01-02,too,many,cells\n"))
    (error,) = loaded.errors
    assert "4 cells" in error.message and error.line == 3
    assert load(write("c.csv", "name,price\nx,1\n"), explicit=False).calendar is None  # not a calendar: skipped


@pytest.mark.parametrize("kind", ["yaml", "csv"])
def test_entries_pointing_at_one_draft_read_it_once_and_are_capped(
    kind: str, write: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import contentlint.sources.calendar as calendar_source
    from contentlint.nlp import pipeline

    write("posts/guide.md", GUIDE)
    reads: list[Path] = []
    read = calendar_source.read_regular
    monkeypatch.setattr(calendar_source, "read_regular", lambda path, limit: reads.append(path) or read(path, limit))
    if kind == "yaml":
        path = write(
            "cal.yaml",
            "entries:\n"
            + "".join(
                f"  - {{date: 2026-03-{i % 28 + 1:02d}, channel: {('x', 'blog')[i % 2]}, file: posts/guide.md}}\n"
                for i in range(25)
            ),
        )
    else:
        path = write(
            "cal.csv",
            "date,channel,title,file\n"
            + "".join(f"2026-03-{i % 28 + 1:02d},{('x', 'blog')[i % 2]},Guide,posts/guide.md\n" for i in range(25)),
        )
    loaded = load(path)
    assert len(reads) == 1 and len(loaded.calendar.entries) == calendar_source.MAX_ENTRIES_PER_FILE == 20
    (error,) = loaded.errors
    assert error.line == 22 and "more than 20 entries point at `file: posts/guide.md`" in error.message
    channels = {e.post.fields.get("channel") for e in loaded.calendar.entries}
    assert channels == {"x", "blog"}  # each entry keeps its own fields over the shared draft's
    texts: list[str] = []
    make_docs = pipeline.make_docs
    monkeypatch.setattr(
        pipeline, "make_docs", lambda lang, batch: make_docs(lang, [t for t in batch if texts.append(t) is None])
    )
    from contentlint.cli import main

    assert main(["check", "--no-cache", str(path)]) == 2
    assert len(texts) == 1  # one Doc for the twenty entries


def test_5000_entries_at_one_large_draft_take_bounded_time(write: Callable[..., Path]) -> None:
    from tests.helpers import finishes_within

    para = "Your churn chart hides two problems. This guide shows you how to separate early and late leavers. "
    write("big.md", "---\ntitle: How to read churn\n---\n" + (para * 6 + "\n\n") * 200)
    path = write(
        "cal.yaml",
        "entries:\n" + "".join(f"  - {{date: 2026-01-{i % 28 + 1:02d}, file: big.md}}\n" for i in range(5000)),
    )
    loaded = finishes_within(120, lambda: load(path))
    assert len(loaded.calendar.entries) == 20 and len(loaded.errors) == 1
