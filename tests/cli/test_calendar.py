"""Calendars through the CLI: the mix table, the score, the gate's exit codes, JSON, classify, feeds."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.helpers import REPO, run, tree_digest

SAMPLES = REPO / "samples"


def test_good_calendar_passes_the_gate_and_shows_the_mix_table() -> None:
    code, out, _ = run(["check", str(SAMPLES / "calendar.yaml"), "--fail-under", "80"])
    assert code == 0, out
    assert "calendar “Ledgerly Q1 content”, target 80-20" in out
    table = out[out.index("  channel") :]
    assert table.splitlines()[0].split() == ["channel", "posts", "pre", "at", "post", "score"]
    assert table.splitlines()[1].split()[:2] == ["all", "15"]
    assert "newsletter" in table and "insight posts by month from 2026-01-05: 3m:" in out
    assert "mix score 100/100 (good); gate fail-under 80: passed" in out


def test_promotional_calendars_fail_with_streaks_gaps_and_fit_on_the_calendar_naming_entries() -> None:
    code, out, _ = run(["check", str(SAMPLES / "calendar-ja.yaml")])
    assert code == 1
    path = str(SAMPLES / "calendar-ja.yaml")
    assert f"\n{path}: warning [promo-streak] 販促の投稿が5件続いています" in out
    assert "入れましょう。（対象の予定：10, 14, 17, 24, 29行目）\n" in out
    assert f"\n{path}: warning [closed-channel-promos]" in out
    assert f"{path}: warning [calendar-gap] 2026-01-27から2026-02-24まで28日間" in out
    assert "計画しましょう。（対象の予定：35, 39行目）\n" in out
    assert f"{path}:10:1: warning [vanity-kpi]" in out  # the kpi is set by the calendar entry
    assert "gate fail-under 60: FAILED" in out
    code, out, _ = run(["check", str(SAMPLES / "calendar.csv")])
    assert code == 1 and "[open-channel-only-promos]" in out and "(fail); gate fail-under 60: FAILED" in out


def test_fail_under_and_target_options(write: Callable[..., Path]) -> None:
    path = str(SAMPLES / "calendar.csv")
    code, out, _ = run(["check", path, "--fail-under", "0", "--fail-level", "error"])
    assert code == 0 and "gate fail-under 0: passed" in out
    code, out, _ = run(["check", path, "--fail-under", "0", "--fail-level", "error", "--target", "thirds"])
    assert "target thirds (a third each" in out
    write(".contentlint.yaml", "fail_under: 101\n")
    assert run(["check", str(write("x.md", "# Hello\n\nA post."))])[0] == 2  # config error: out of range


def test_json_has_the_calendar_report() -> None:
    _code, out, _ = run(["check", "--format", "json", str(SAMPLES / "calendar.yaml")])
    (calendar,) = json.loads(out)["calendars"]
    assert calendar["score"] == 100 and calendar["band"] == "good"
    assert calendar["gate"] == {"fail_under": 60, "passed": True}
    assert calendar["mix"]["posts"] == 15 and set(calendar["mix"]["shares"]) == {"pre", "at", "post"}
    assert calendar["channels"]["newsletter"]["counts"]["post"] == 4
    assert calendar["target"]["ranges"]["at"] == [0.0, 0.2]
    assert calendar["continuity"]["checkpoints"]["3m"] >= 10


def test_classify_gives_one_object_per_entry(write: Callable[..., Path]) -> None:
    path = write(
        "cal.yaml",
        "entries:\n  - {date: 2026-01-05, channel: x, title: 30% off every plan, "
        "body: Use code SPRING30 at checkout. Sale ends Sunday.}\n"
        "  - {date: 2026-01-12, channel: blog, title: Why onboarding fails, "
        "body: 'Research shows new users want one problem solved first.'}\n",
    )
    code, out, _ = run(["classify", "--format", "json", str(path)])
    posts = json.loads(out)["posts"]
    assert code == 0 and [(p["path"], p["line"]) for p in posts] == [(str(path), 2), (str(path), 3)]
    assert posts[0]["label"] == "sale"


def test_a_folder_of_dated_posts_is_a_feed(write: Callable[..., Path], tmp_path: Path) -> None:
    for day in (5, 12, 19):
        write(
            f"blog/2026-01-{day:02d}.md",
            f"---\ntitle: Spring sale day {day}\ndate: 2026-01-{day:02d}\n"
            "channel: blog\n---\n30% off every plan with code SPRING30. "
            "Sale ends Sunday.\n",
        )
    before = tree_digest(tmp_path)
    code, out, _ = run(["check", str(tmp_path / "blog")])
    assert code == 1
    assert f"{tmp_path / 'blog'}/: feed" in out and "[promo-streak]" not in out  # a run of 3 is allowed
    assert f"\n{tmp_path}/blog/: warning [mix-score] Stage mix scores 0/100" in out
    assert "(posts: 2026-01-05.md, 2026-01-12.md, 2026-01-19.md)\n" in out
    assert "2026-01-05.md:2:1: warning [mix-score]" not in out
    assert tree_digest(tmp_path) == before


GOOD_MIX_WITH_A_WARNING = (
    "entries:\n"
    "  - {date: 2026-03-02, channel: blog, title: How to read a churn chart, body: 'Your churn chart hides two "
    "different problems. This guide shows you, step by step, how to separate them.'}\n"
    "  - {date: 2026-03-09, channel: blog, title: Why onboarding emails fail, body: 'Most onboarding emails "
    "describe features. Research shows new users want one problem solved first.'}\n"
    "  - {date: 2026-03-16, channel: newsletter, title: 'Ledgerly tips: set up scheduled exports', body: 'If you "
    "already use Ledgerly, open Settings > Exports and choose a schedule. Buy now!'}\n"
)


def test_gate_mix_fails_only_on_the_mix_score(write: Callable[..., Path]) -> None:
    good = str(write("good.yaml", GOOD_MIX_WITH_A_WARNING))
    code, out, _ = run(["check", good])
    assert code == 1 and "warning [hard-sell]" in out  # without the gate, the warning fails the run
    code, out, _ = run(["check", good, "--gate", "mix", "--fail-under", "80"])
    assert code == 0 and "warning [hard-sell]" in out and "gate fail-under 80: passed" in out
    bad = str(SAMPLES / "calendar.csv")  # scores 15
    assert run(["check", bad, "--gate", "mix", "--fail-under", "80"])[0] == 1
    assert run(["check", bad, "--gate", "mix", "--fail-under", "15"])[0] == 0  # the bar is inclusive
    code, out, _ = run(["check", bad, "--gate", "mix", "--fail-under", "80", "--format", "json"])
    assert json.loads(out)["summary"]["exit_code"] == 1


def test_gate_findings_ignores_the_mix_score_and_gate_mix_needs_something_to_score(write: Callable[..., Path]) -> None:
    bad = str(SAMPLES / "calendar.csv")
    assert run(["check", bad, "--gate", "findings", "--fail-level", "error"])[0] == 0
    assert run(["check", bad, "--fail-level", "error"])[0] == 1  # the default gate: the mix fails it
    post = write("post.md", "---\ntitle: How to read a churn chart\n---\nYour churn chart hides two problems.\n")
    code, _, err = run(["check", str(post), "--gate", "mix"])
    assert code == 2 and "--gate mix: no calendar or feed to score" in err
