"""LinkedIn profile files: what is read, where each field is, and what is refused (with file:line:column)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from contentlint.config import Config
from contentlint.errors import InputError
from contentlint.post import Position
from contentlint.sources.load import load_target
from contentlint.sources.profile import known_field
from contentlint.sources.target import Target
from tests.helpers import run

PROFILE = """\
# a comment first, so that `kind:` is not on line 1
kind: linkedin-profile
as_of: 2026-02-01
name: Dana Whitfield
photo: dana.jpg
banner:
headline: "Helping clinics cut no-shows | Operations at Carewell"
about: |
  If your clinic loses a morning a week to no-shows, you can win most of it back.
current_position:
  title: Operations Lead
  company: Carewell
past_positions:
  - {title: Analyst, company: Northwind, from: 2018, to: 2022}
skills: [Scheduling, Patient communication]
recommendations: 2
connections: 500+
recent_activity:
  - {date: 2026-01-20, type: comment}
  - date: 2026/01/05
"""


def load(path: Path, explicit: bool = True, config: Config | None = None):  # type: ignore[no-untyped-def]
    return load_target(Target(str(path), path, explicit), config or Config())


def test_profile_fields_positions_and_normalised_values(write: Callable[..., Path]) -> None:
    loaded = load(write("dana.yaml", PROFILE))
    assert loaded.posts == [] and loaded.calendar is None and loaded.errors == []
    profile = loaded.profile
    assert profile.name == "Dana Whitfield" and profile.lang == "en" and profile.lang_source == "detected"
    assert profile.line == 2  # where `kind:` is: findings on a field that is not there point here
    assert profile.as_of == dt.date(2026, 2, 1)
    assert profile.field_positions["headline"] == Position(7, 1)
    assert profile.field_positions["current_position.company"] == Position(12, 3)
    assert profile.position_of("current_position.description") == Position(10, 1)  # its parent
    assert profile.position_of("custom_url") == Position(2, 1)  # missing: the `kind:` line
    assert profile.value("current_position.title") == "Operations Lead"
    assert profile.value("banner") is None and profile.value("education.school") is None
    assert profile.fields["connections"] == 500  # "500+" as LinkedIn shows it
    assert [a["date"] for a in profile.fields["recent_activity"]] == [dt.date(2026, 1, 20), dt.date(2026, 1, 5)]


def test_language_from_lang_config_or_headline_and_about(write: Callable[..., Path]) -> None:
    ja = "kind: linkedin-profile\nheadline: 中小企業の経理チームの月次決算を支援しています\n"
    assert load(write("ja.yaml", ja)).profile.lang == "ja"
    assert load(write("en.yaml", ja + "lang: en-GB\n")).profile.lang == "en"
    assert load(write("c.yaml", "kind: linkedin-profile\n"), config=Config(language="ja")).profile.lang == "ja"


def test_as_of_defaults_to_today(write: Callable[..., Path]) -> None:
    assert load(write("p.yaml", "kind: linkedin-profile\nname: X\n")).profile.as_of == dt.date.today()


def test_a_profile_found_by_walking_is_read_and_other_kinds_are_skipped(write: Callable[..., Path]) -> None:
    assert load(write("p.yaml", PROFILE), explicit=False).profile is not None
    skipped = load(write("other.yaml", "kind: twitter-profile\nname: X\n"), explicit=False)
    assert skipped.profile is None and skipped.posts == []
    named = load(write("other.yaml", "kind: twitter-profile\nname: X\n"))  # named, it is skipped too
    assert named.profile is None and named.posts == [] and "`kind: linkedin-profile`" in (named.skipped or "")


@pytest.mark.parametrize(
    ("old", "new", "message", "line", "column"),
    [
        ("name: Dana Whitfield", "nmae: Dana Whitfield", "unknown profile key `nmae`", 4, 1),
        (
            "connections: 500+",
            "connections: many",
            "`connections` must be a whole number >= 0 or \"500+\", got 'many'",
            17,
            14,
        ),
        ("connections: 500+", "connections: -3", "`connections` must be a whole number", 17, 14),
        ("skills: [Scheduling, Patient communication]", "skills: Scheduling", "`skills` must be a list, got", 15, 9),
        (
            "skills: [Scheduling, Patient communication]",
            "skills: [Scheduling, {name: x}]",
            "`skills[2]` must be text",
            15,
            22,
        ),
        ("recommendations: 2", "recommendations: lots", "`recommendations` must be a list or a whole number", 16, 18),
        ("  company: Carewell", "  employer: Carewell", "unknown key `employer` in `current_position`", 12, 3),
        ("  - {title: Analyst,", "  - {role: Analyst,", "unknown key `role` in `past_positions[1]`", 14, 6),
        ("  - date: 2026/01/05", "  - date: someday", "`recent_activity[2].date` must be a date (YYYY-MM-DD)", 20, 11),
        ("  - date: 2026/01/05", "  - type: post", "`recent_activity[2]` needs `date`", 20, 5),
        ("type: comment", "type: like", "`recent_activity[1].type` must be one of post, comment", 19, 30),
        ("as_of: 2026-02-01", "as_of: 2026-02-30", "`as_of` must be a date", 3, 8),
        ("photo: dana.jpg", "photo: [a, b]", "`photo` must be text (a file name or URL) or true/false", 5, 8),
        (
            "current_position:\n",
            "current_position: Operations Lead\nx:\n",
            "`current_position` must be a mapping",
            10,
            19,
        ),
    ],
)
def test_bad_profiles_are_input_errors_at_the_value(
    write: Callable[..., Path], old: str, new: str, message: str, line: int, column: int
) -> None:
    assert old in PROFILE
    path = write("bad.yaml", PROFILE.replace(old, new, 1))
    with pytest.raises(InputError) as info:
        load(path)
    assert message in info.value.message
    assert (info.value.path, info.value.line, info.value.column) == (str(path), line, column)


def test_bad_profiles_exit_2_naming_file_and_line_and_other_files_are_still_linted(
    write: Callable[..., Path], tmp_path: Path
) -> None:
    write("a-broken.yaml", "kind: linkedin-profile\nheadline: [unclosed\n")
    write("b-wrong.yaml", "kind: linkedin-profile\nconnections: many\n")
    write("c-good.yaml", PROFILE)
    code, out, _ = run(["check", "--no-config", "--no-cache", str(tmp_path)])
    assert code == 2
    assert f"{tmp_path}/a-broken.yaml:3:1: error [input-error] invalid YAML" in out
    assert f"{tmp_path}/b-wrong.yaml:2:14: error [input-error] `connections` must be" in out
    assert f"{tmp_path}/c-good.yaml:2:1: info [linkedin-profile-score]" in out


def test_yaml_limits_from_config_apply(write: Callable[..., Path]) -> None:
    config = Config(max_yaml_nodes=20)
    with pytest.raises(InputError, match="YAML too large"):
        load(write("big.yaml", PROFILE), config=config)


def test_known_fields_for_rule_packs() -> None:
    assert known_field("headline") and known_field("current_position.description")
    assert not known_field("headlines") and not known_field("skills.name") and not known_field("kind")
