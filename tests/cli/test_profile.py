"""LinkedIn profiles through the CLI: both samples, every report format, config overrides, suppressions, cache."""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from tests.helpers import REPO, run, tree_digest

EN = "samples/linkedin/profile-en.yaml"
JA = "samples/linkedin/profile-ja.yaml"
SCORE_EN = (
    f"{EN}:3:1: info [linkedin-profile-score] LinkedIn profile completeness 6/10: missing banner and "
    "custom URL, recommendations, connections, recent activity."
)
SCORE_JA = (
    f"{JA}:3:1: info [linkedin-profile-score] LinkedIn プロフィールの充実度 4/10：未達成は背景画像とカスタムURL、"
    "見出し、概要、スキル、推薦、最近の活動です。"
)


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # relative paths in the output, as a user types them


def test_both_samples_give_their_score_and_concrete_advice_in_their_language() -> None:
    before = tree_digest(REPO / "samples/linkedin")
    code, out, _ = run(["check", "--no-config", "--no-cache", EN, JA])
    assert code == 1  # missing points are warnings
    lines = out.splitlines()
    assert SCORE_EN in lines and SCORE_JA in lines
    assert (
        f"{EN}:7:1: warning [linkedin-profile] LinkedIn profile, banner and custom URL (2/10): Add what is "
        "missing (banner): a background banner"
    ) in out
    assert (
        f"{EN}:36:1: warning [linkedin-profile] LinkedIn profile, connections (9/10): Grow your network to 500+ "
        "connections (now 430)" in out
    )
    assert (
        f"{EN}:37:1: warning [linkedin-profile] LinkedIn profile, recent activity (10/10): Nothing posted or "
        "commented in the 30 days before 2026-02-01" in out
    )
    assert (
        f"{JA}:7:1: warning [linkedin-profile] LinkedIn プロフィール「見出し」（3/10）：見出しは肩書きだけでなく" in out
    )
    assert (
        f"{JA}:20:1: warning [linkedin-profile] LinkedIn プロフィール「スキル」（7/10）：スキルを5件以上登録しましょう"
        "（現在3件）" in out
    )
    assert len([line for line in lines if "[linkedin-profile]" in line]) == 4 + 6
    assert lines[-1] == "12 problems (0 errors, 10 warnings, 2 infos) in 2 files, 0 posts"
    assert tree_digest(REPO / "samples/linkedin") == before


def test_profiles_are_not_posts_and_a_folder_finds_them() -> None:
    code, out, _ = run(["classify", "--format", "json", "--no-config", EN, JA])
    assert code == 0 and json.loads(out)["posts"] == []
    code, out, _ = run(["check", "--no-config", "--no-cache", "samples/"])
    assert SCORE_EN in out.splitlines() and SCORE_JA in out.splitlines()
    assert not [line for line in out.splitlines() if "/profile-" in line and "[linkedin-profile" not in line]


def test_json_has_the_profiles_and_matches_the_schema() -> None:
    _code, out, _ = run(["check", "--format", "json", "--no-config", "--no-cache", EN, JA])
    data = json.loads(out)
    schema = json.loads(resources.files("contentlint.report").joinpath("schema/check-3.schema.json").read_text())
    jsonschema.validate(data, schema)
    assert data["summary"]["posts"] == 0 and data["summary"]["warning"] == 10
    assert data["profiles"] == [
        {
            "path": EN,
            "line": 3,
            "name": "Priya Raman",
            "lang": "en",
            "checklists": [
                {
                    "rule": "linkedin-profile",
                    "score": 6,
                    "total": 10,
                    "missing": ["banner-and-url", "recommendations", "connections", "recent-activity"],
                }
            ],
        },
        {
            "path": JA,
            "line": 3,
            "name": "佐藤 健一",
            "lang": "ja",
            "checklists": [
                {
                    "rule": "linkedin-profile",
                    "score": 4,
                    "total": 10,
                    "missing": ["banner-and-url", "headline", "about", "skills", "recommendations", "recent-activity"],
                }
            ],
        },
    ]


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("markdown", "LinkedIn profile completeness 6/10: missing banner and custom URL"),
        ("html", "LinkedIn profile completeness 6/10: missing banner and custom URL"),
        (
            "github",
            f"::notice file={EN},line=3,col=1,title=contentlint linkedin-profile-score::LinkedIn profile "
            "completeness 6/10",
        ),
        ("junit", 'message="LinkedIn profile completeness 6/10: missing banner and custom URL'),
    ],
)
def test_the_score_shows_in_every_report_format(fmt: str, expected: str) -> None:
    code, out, _ = run(["report", "--no-config", "--no-cache", "--format", fmt, EN])
    assert code == 0 and expected in out


def test_sarif_describes_the_score_rule() -> None:
    _code, out, _ = run(["report", "--no-config", "--no-cache", "--format", "sarif", EN])
    run_ = json.loads(out)["runs"][0]
    rules = {r["id"]: r for r in run_["tool"]["driver"]["rules"]}
    assert "Social Selling Index" in rules["linkedin-profile-score"]["fullDescription"]["text"]
    assert rules["linkedin-profile-score"]["defaultConfiguration"]["level"] == "note"
    scores = [r for r in run_["results"] if r["ruleId"] == "linkedin-profile-score"]
    assert [r["message"]["text"] for r in scores] == [SCORE_EN.split("] ", 1)[1]]


PROFILE = "kind: linkedin-profile\nas_of: 2026-02-01\nname: Sam\nconnections: 12\n"


def test_config_turns_the_checklist_off_or_changes_its_level(write: Callable[..., Path], tmp_path: Path) -> None:
    path = str(write("p/profile.yaml", PROFILE))
    write("p/.contentlint.yaml", "rules:\n  linkedin-profile: off\n")
    code, out, _ = run(["check", "--no-cache", path])
    assert code == 0 and "linkedin-profile" not in out
    write("p/.contentlint.yaml", "rules:\n  linkedin-profile: error\n")
    code, out, _ = run(["check", "--no-cache", path])
    assert code == 1 and f"{path}:4:1: error [linkedin-profile] LinkedIn profile, connections (9/10)" in out
    assert f"{path}:1:1: info [linkedin-profile-score] LinkedIn profile completeness 0/10" in out
    write(
        "p/.contentlint.yaml",
        "fail_level: error\noverrides:\n  - files: ['*.yaml']\n    rules: {linkedin-profile: info}\n",
    )
    code, out, _ = run(["check", "--no-cache", path])
    assert code == 0 and f"{path}:4:1: info [linkedin-profile]" in out


def test_suppressions_in_the_profile(write: Callable[..., Path]) -> None:
    inline = write(
        "inline.yaml", PROFILE.replace("connections: 12", "connections: 12  # contentlint: disable=linkedin-profile")
    )
    code, out, _ = run(["check", "--no-config", "--no-cache", str(inline)])
    assert "(9/10)" not in out and "(1/10)" in out and "unused-suppression" not in out
    whole = write("whole.yaml", PROFILE + "contentlint: {disable: [linkedin-profile, linkedin-profile-score]}\n")
    code, out, _ = run(["check", "--no-config", "--no-cache", str(whole)])
    assert code == 0 and "[linkedin-profile" not in out
    bad = write("bad.yaml", PROFILE + "contentlint: {disable: linkedin-profile}\n")
    code, out, _ = run(["check", "--no-config", "--no-cache", str(bad)])
    assert code == 2 and f"{bad}:5:1: error [input-error] `contentlint:` expects" in out


def test_profiles_are_not_cached_so_recent_activity_is_measured_each_run(
    write: Callable[..., Path], tmp_path: Path
) -> None:
    path = str(write("profile.yaml", PROFILE))
    cache = tmp_path / "cache"
    first = run(["check", "--no-config", "--cache-dir", str(cache), path])
    assert run(["check", "--no-config", "--cache-dir", str(cache), path]) == first
    assert not list(cache.glob("??/*.json"))  # (cache/packs/ holds the parsed rule packs, not results)


def test_stdin_with_a_yaml_name_is_read_as_a_profile() -> None:
    code, out, _ = run(["check", "--no-config", "--stdin-filename", "me.yaml", "-"], stdin=PROFILE.encode())
    assert code == 1 and "me.yaml:1:1: info [linkedin-profile-score] LinkedIn profile completeness 0/10" in out


def test_rules_and_explain_show_the_checklist() -> None:
    code, out, _ = run(["rules", "--no-config"])
    (line,) = [line for line in out.splitlines() if line.startswith("linkedin-profile ")]
    assert "profile-checklist" in line and "A LinkedIn profile is where a buyer checks" in line
    code, out, _ = run(["explain", "--no-config", "linkedin-profile"])
    assert code == 0 and out.startswith("linkedin-profile  (profile-checklist, warning, languages: *)")
    why = " ".join(out[out.index("Why:") : out.index("Defined in:")].split())
    for point in (
        "(1) photo",
        "(2) banner and custom URL",
        "(3) a headline",
        "(4) an About of 300+ characters",
        "(5) the current position",
        "(6) two or more past positions",
        "(7) five or more skills",
        "(8) two or more recommendations",
        "(9) 500+ connections",
        "(10) a post or comment in the last 30 days",
    ):
        assert point in why, point
    assert "Flagged:\n  | kind: linkedin-profile" in out and "Not flagged:\n  | kind: linkedin-profile" in out


def test_explain_lists_the_ten_points() -> None:
    code, out, _ = run(["explain", "linkedin-profile"])
    assert code == 0 and "Checks:" in out
    assert " 1. photo (photo)" in out and "10. recent activity (recent_activity;" in out and "max age days 30" in out


def test_html_and_markdown_reports_give_each_profile_its_score() -> None:
    folder = str(REPO / "samples" / "linkedin")
    html = run(["report", "--no-cache", folder, "--format", "html"])[1]
    assert "<h2>LinkedIn profiles</h2>" in html and '<span translate="no">linkedin-profile</span> 6/10' in html
    assert "佐藤" in html
    assert "<h2>Other findings</h2>" not in html  # a profile's findings sit in its card
    md = run(["report", "--no-cache", folder, "--format", "markdown"])[1]
    assert "| 6/10 | banner-and-url, recommendations, connections, recent-activity |" in md
    assert "`linkedin-profile-score`" in md  # and its findings are still in the table of findings
