"""One decision of a calendar's target: YAML and CSV calendars with the same entries score the same under one config."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from contentlint.calendar.mix import PRESETS, effective_target
from tests.helpers import run

ENTRIES = [
    ("2026-03-02", "How to read a churn chart"),
    ("2026-03-09", "Spring sale: 30% off, buy now"),
    ("2026-03-16", "Why onboarding emails go unread"),
    ("2026-03-23", "New version 5.0 is here"),
]


def calendars(tmp_path: Path, write: Callable[..., Path], config: str, *options: str) -> dict[str, dict]:
    """The calendars of one run, by kind: `.yaml` and `.csv` calendars of ENTRIES, and the `feed` of a folder of
    the same entries as dated Markdown posts."""
    write(".contentlint.yaml", config)
    write("cal.yaml", "entries:\n" + "".join(f"  - {{date: {d}, channel: blog, title: '{t}'}}\n" for d, t in ENTRIES))
    write("cal.csv", "date,channel,title\n" + "".join(f'{d},blog,"{t}"\n' for d, t in ENTRIES))
    for number, (date, title) in enumerate(ENTRIES):
        write(f"feed/{number}.md", f"---\ntitle: '{title}'\ndate: {date}\nchannel: blog\n---\n{title}.\n")
    code, out, _ = run(
        [
            "check",
            "--no-cache",
            "--format",
            "json",
            *options,
            str(tmp_path / "cal.yaml"),
            str(tmp_path / "cal.csv"),
            str(tmp_path / "feed"),
        ]
    )
    assert code in (0, 1), out
    return {c["kind"] if c["kind"] == "feed" else Path(c["path"]).suffix: c for c in json.loads(out)["calendars"]}


@pytest.mark.parametrize(
    ("config", "options"),
    [
        ("target: {pre: .5, at: .2, post: .3}\ntolerance: .3\n", ()),
        ("target: {pre: .5, at: .2, post: .3}\n", ()),
        ("target: {pre: .5, at: .2, post: .3}\ntolerance: .3\n", ("--target", "4-1-1")),
        ("target: thirds\n", ()),
        ("", ()),
    ],
)
def test_yaml_and_csv_calendars_score_the_same(
    tmp_path: Path, write: Callable[..., Path], config: str, options: tuple[str, ...]
) -> None:
    found = calendars(tmp_path, write, config, *options)
    assert found[".yaml"]["target"] == found[".csv"]["target"] == found["feed"]["target"]
    assert found[".yaml"]["score"] == found[".csv"]["score"]
    if options:
        assert found["feed"]["target"] == PRESETS[options[1]].to_dict()


def test_the_config_tolerance_reaches_a_csv_calendar(tmp_path: Path, write: Callable[..., Path]) -> None:
    wide = calendars(tmp_path, write, "target: {pre: .5, at: .2, post: .3}\ntolerance: .3\n")[".csv"]
    assert wide["target"]["ranges"]["at"] == [0.0, 0.5]


def test_precedence_override_then_calendar_then_config() -> None:
    assert effective_target(override="thirds", calendar_mix={"pre": 1}, config_target="70-20-10") == PRESETS["thirds"]
    own = effective_target(calendar_mix={"pre": 0.5, "at": 0.5}, calendar_tolerance=0.2, config_target="thirds")
    assert own.ranges["at"] == (0.3, 0.7)
    inherits = effective_target(calendar_mix={"pre": 0.5, "at": 0.5}, config_tolerance=0.05)
    assert inherits.ranges["at"] == (0.45, 0.55)
    assert effective_target(config_target="70-20-10") == PRESETS["70-20-10"]
    assert effective_target() == PRESETS["80-20"]
