"""A feed's and a calendar's own findings sit on the feed (its folder, or the calendar file) in every format, name
the posts they are about, and can be silenced and baselined."""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from tests.helpers import REPO, run

SALE = (
    "---\ntitle: Spring sale day {day}\ndate: 2026-01-{day:02d}\nchannel: blog\n---\n30% off every plan with "
    "code SPRING30. Sale ends Sunday.\n"
)
POSTS = ("2026-01-05.md", "2026-01-12.md", "2026-01-19.md")


@pytest.fixture
def feed(write: Callable[..., Path], tmp_path: Path) -> Path:
    for day in (5, 12, 19):
        write(f"blog/2026-01-{day:02d}.md", SALE.format(day=day))
    return tmp_path / "blog"


def output(args: list[str]) -> str:
    code, out, err = run(args)
    assert code in (0, 1), err
    return out


def test_json_puts_the_mix_score_on_the_folder_with_the_posts_it_is_about(feed: Path) -> None:
    data = json.loads(output(["check", str(feed), "--format", "json"]))
    schema = json.loads(resources.files("contentlint.report").joinpath("schema/check-3.schema.json").read_text())
    jsonschema.validate(data, schema)
    (mix,) = [f for f in data["findings"] if f["rule"] == "mix-score"]
    assert mix["path"] == f"{feed}/" and mix["line"] is None and mix["column"] is None
    assert mix["related"] == [{"path": f"{feed}/{name}", "line": 2} for name in POSTS]
    assert data["calendars"][0]["path"] == f"{feed}/"
    assert all(f["path"] == f"{feed}/" for f in data["findings"] if f["line"] is None)
    assert not any(f["rule"] == "mix-score" for f in data["findings"] if f["path"] != f"{feed}/")


def test_sarif_has_the_folder_as_artifact_and_the_posts_as_related_locations(feed: Path) -> None:
    data = json.loads(output(["report", str(feed), "--format", "sarif"]))
    (mix,) = [r for r in data["runs"][0]["results"] if r["ruleId"] == "mix-score"]
    (location,) = mix["locations"]
    assert location["physicalLocation"] == {"artifactLocation": {"uri": f"{feed}/"}}  # the folder, no region
    assert [r["physicalLocation"]["artifactLocation"]["uri"] for r in mix["relatedLocations"]] == [
        f"{feed}/{name}" for name in POSTS
    ]
    assert mix["message"]["text"].endswith("(posts: 2026-01-05.md, 2026-01-12.md, 2026-01-19.md)")


def test_github_annotation_names_the_folder_without_a_line(feed: Path) -> None:
    lines = [line for line in output(["check", str(feed), "--format", "github"]).splitlines() if "mix-score" in line]
    assert len(lines) == 1
    assert lines[0].startswith(f"::warning file={feed}/,title=contentlint mix-score::Stage mix scores 0/100")
    assert lines[0].endswith("(posts: 2026-01-05.md, 2026-01-12.md, 2026-01-19.md)")


def test_junit_gives_the_feed_its_own_suite(feed: Path) -> None:
    root = ET.fromstring(output(["report", str(feed), "--format", "junit"]))
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    failures = [f.get("type") for f in suites[f"{feed}/"].iter("failure")]
    assert "warning:mix-score" in failures and "warning:calendar-span" in failures
    for name in POSTS:
        assert "warning:mix-score" not in [f.get("type") for f in suites[f"{feed}/{name}"].iter("failure")]


def test_html_and_markdown_show_them_in_the_feed_section_not_on_a_post(feed: Path) -> None:
    html = output(["report", str(feed), "--format", "html"])
    feed_part, posts_part = html.split("<h2>Posts</h2>")
    assert "mix-score" in feed_part and "(posts: 2026-01-05.md, 2026-01-12.md, 2026-01-19.md)" in feed_part
    assert "mix-score" not in posts_part
    markdown = output(["report", str(feed), "--format", "markdown"])
    section = markdown[markdown.index("### Feed") : markdown.index("### Posts")]
    assert "- warning `mix-score`: Stage mix scores 0/100" in section
    assert "mix-score" not in markdown[markdown.index("### Posts") :]


def test_a_calendar_reports_them_on_its_file_in_its_language() -> None:
    path = str(REPO / "samples/calendar-zh.yaml")
    out = output(["check", path])
    assert f"\n{path}: warning [promo-streak] 连续4篇推广内容" in out
    assert "（相关条目：第9, 12, 18, 21行）\n" in out
    data = json.loads(output(["check", path, "--format", "json"]))
    streak = next(f for f in data["findings"] if f["rule"] == "promo-streak")
    assert streak["line"] is None and [r["line"] for r in streak["related"]] == [9, 12, 18, 21]


def test_the_folders_config_and_overrides_govern_the_feed(feed: Path, write: Callable[..., Path]) -> None:
    write("blog/.contentlint.yaml", "rules: {mix-score: off}\n")
    assert "[mix-score]" not in output(["check", str(feed)])
    (feed / ".contentlint.yaml").unlink()
    write(".contentlint.yaml", "overrides: [{files: [blog/**], rules: {mix-score: info}}]\n")
    assert f"{feed}/: info [mix-score]" in output(["check", str(feed)])
    write(".contentlint.yaml", "overrides: [{files: [news/**], rules: {mix-score: off}}]\n")
    assert f"{feed}/: warning [mix-score]" in output(["check", str(feed)])


def test_a_calendar_comment_that_runs_to_the_end_silences_its_own_findings(write: Callable[..., Path]) -> None:
    entries = "".join(
        f"  - {{date: 2026-02-{d:02d}, channel: x, title: 30% off every plan, body: Use code "
        f"SPRING30 at checkout. Sale ends Sunday.}}\n"
        for d in (2, 4, 6, 8)
    )
    path = write("cal.yaml", "# contentlint: disable=promo-streak\nentries:\n" + entries)
    out = output(["check", str(path)])
    assert "[promo-streak]" not in out and "[unused-suppression]" not in out and "[mix-score]" in out
    closed = write(
        "closed.yaml",
        "# contentlint: disable=promo-streak\nentries:\n" + entries + "# contentlint: enable=promo-streak\n",
    )
    out = output(["check", str(closed)])  # a block that ends covers lines, not the whole calendar
    assert f"{closed}: warning [promo-streak]" in out and "[unused-suppression]" in out


def test_the_baseline_keeps_a_feeds_findings_whatever_the_folder_is_written_as(feed: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    assert run(["check", str(feed), "--baseline", str(baseline), "--fail-under", "0"])[0] == 0
    assert "mix-score" in baseline.read_text(encoding="utf-8")
    code, out, _ = run(["check", f"{feed}/", "--baseline", str(baseline), "--fail-under", "0"])
    assert code == 0 and "[mix-score]" not in out, out
