"""The `linkedin-profile` checklist: each of its 10 points passes and fails, the score, advice per language."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from contentlint.checks.engine import lint_profile
from contentlint.checks.pack import load_pack
from contentlint.checks.profile import ChecklistScore
from contentlint.errors import RuleError
from contentlint.post import Finding
from tests.helpers import REPO, profile_of

(RULE,) = load_pack(REPO / "rules/linkedin-profile.yaml").rules
COMPLETE = RULE.examples["pass"][0]
ABOUT = COMPLETE[COMPLETE.index("about: >") : COMPLETE.index("current_position:")]
POINTS = [
    "photo",
    "banner-and-url",
    "headline",
    "about",
    "current-position",
    "experience",
    "skills",
    "recommendations",
    "connections",
    "recent-activity",
]


def check(text: str) -> tuple[list[Finding], ChecklistScore]:
    findings, (score,) = lint_profile([RULE], profile_of(text))
    return findings, score


def edit(old: str, new: str) -> str:
    assert old in COMPLETE, old
    return COMPLETE.replace(old, new, 1)


def test_the_checklist_has_ten_points_in_order() -> None:
    assert [p["id"] for p in RULE.params["points"]] == POINTS


def test_a_complete_profile_scores_10_and_is_clean() -> None:
    findings, score = check(COMPLETE)
    assert (score.score, score.total, score.missing) == (10, 10, ())
    assert findings == []


FAILS = [
    ("photo", "photo: sam.jpg\n", ""),
    ("photo", "photo: sam.jpg", "photo: false"),
    ("photo", "photo: sam.jpg", "photo: '  '"),
    ("banner-and-url", "custom_url: linkedin.com/in/sam-okafor\n", ""),
    ("banner-and-url", "banner: banner.png", "banner:"),
    (
        "headline",
        "headline: Helping small finance teams close the month in three days | Customer Success at Ledgerly",
        "headline: Customer Success Lead at Ledgerly",
    ),
    (
        "headline",
        "headline: Helping small finance teams close the month in three days | Customer Success at Ledgerly",
        "headline: customer success lead",
    ),
    (
        "headline",
        "headline: Helping small finance teams close the month in three days | Customer Success at Ledgerly",
        "headline: Finance teams | CS",
    ),
    ("about", ABOUT, "about: If your close takes two weeks, write to me.\n"),
    (
        "about",
        ABOUT,
        "about: >\n  Sam Okafor has ten years of experience in finance and in customer success. He "
        "began as an analyst at Northwind Retail, where he ran the month-end close for forty shops, and "
        "joined Ledgerly in 2022 to lead onboarding for new finance teams. He holds a BSc in Accounting "
        "from the University of Leeds and speaks at finance conferences on process automation.\n",
    ),
    (
        "current-position",
        "  description: I help the finance teams of new customers automate reconciliation in their first 30 days.\n",
        "",
    ),
    ("current-position", "automate reconciliation in their first 30 days.", "onboard."),
    ("experience", "education:\n  - {school: University of Leeds, degree: BSc Accounting}\n", ""),
    ("skills", ", Excel modelling]", "]"),
    ("recommendations", "recommendations: 3", "recommendations: 1"),
    ("recommendations", "recommendations: 3", "recommendations: [{from: Ann, text: Great to work with.}]"),
    ("connections", "connections: 500+", "connections: 499"),
    ("recent-activity", "date: 2026-01-22, type: post", "date: 2025-12-31, type: post"),
    ("recent-activity", "date: 2026-01-22, type: post", "date: 2026-01-22, type: reaction"),
    (
        "recent-activity",
        "recent_activity:\n  - {date: 2026-01-22, type: post, text: Three checks that shorten a month-end close}\n",
        "",
    ),
]


@pytest.mark.parametrize(("point", "old", "new"), FAILS, ids=[f"{p}-{i}" for i, (p, _o, _n) in enumerate(FAILS)])
def test_each_point_fails_on_its_own(point: str, old: str, new: str) -> None:
    findings, score = check(edit(old, new))
    assert score.missing == (point,) and score.score == 9
    (finding,) = [f for f in findings if f.rule_id == "linkedin-profile"]
    number = POINTS.index(point) + 1
    assert finding.text == point and f"({number}/10): " in finding.message and finding.level == "warning"
    assert "{" not in finding.message


PASSES = [
    ("photo: sam.jpg", "photo: true"),
    (
        "headline: Helping small finance teams close the month in three days | Customer Success at Ledgerly",
        "headline: I help finance teams of 10 to 200 people close the month in 3 days",
    ),
    ("recommendations: 3", "recommendations: [{from: Ann, text: Great.}, {from: Bo, relationship: customer}]"),
    (
        "past_positions:\n  - {title: Financial Analyst, company: Northwind Retail}\n",
        "past_positions:\n  - {title: Financial Analyst, company: Northwind Retail}\n"
        "  - {title: Clerk, company: Acme}\n",
    ),
    ("connections: 500+", "connections: 500"),
    ("date: 2026-01-22, type: post", "date: 2026-01-02, type: comment"),  # exactly 30 days before as_of
    ("date: 2026-01-22, type: post", "date: 2026-01-22"),  # an activity without a type counts
]


@pytest.mark.parametrize(("old", "new"), PASSES)
def test_variants_that_still_meet_every_point(old: str, new: str) -> None:
    assert check(edit(old, new))[1].score == 10


def test_findings_point_at_the_field_or_its_parent_or_the_kind_line() -> None:
    text = (
        edit(
            "  description: I help the finance teams of new customers automate reconciliation in their "
            "first 30 days.\n",
            "",
        )
        .replace("photo: sam.jpg\n", "")
        .replace("connections: 500+", "connections: 3")
    )
    findings, _ = check(text)
    where = {f.text: (f.line, f.column) for f in findings if f.rule_id == "linkedin-profile"}
    lines = text.splitlines()
    assert where["photo"] == (1, 1)  # missing: the `kind:` line
    assert lines[where["current-position"][0] - 1] == "current_position:"  # no description: its position
    assert lines[where["connections"][0] - 1] == "connections: 3"


def test_score_arithmetic_and_missing_points_in_checklist_order() -> None:
    findings, score = check(RULE.examples["fail"][0])
    assert (score.score, score.total) == (0, 10) and score.missing == tuple(POINTS)
    assert len([f for f in findings if f.rule_id == "linkedin-profile"]) == 10
    text = edit("photo: sam.jpg\n", "").replace("connections: 500+", "connections: 12")
    findings, score = check(text)
    assert score.score == 8 and score.missing == ("photo", "connections")
    (line,) = [f.message for f in findings if f.rule_id == "linkedin-profile-score"]
    assert line == "LinkedIn profile completeness 8/10: missing photo, connections."


def test_advice_is_in_the_profiles_language_with_the_numbers_filled_in() -> None:
    findings, score = check(RULE.examples["fail"][1])
    assert score.score == 1
    by_point = {f.text: f.message for f in findings}
    assert by_point["skills"].startswith(
        "LinkedIn プロフィール「スキル」（7/10）：スキルを5件以上登録しましょう（現在2件）"
    )
    assert "肩書きと会社名以外が現在0文字、20文字以上が目安" in by_point["headline"]
    (line,) = [f.message for f in findings if f.rule_id == "linkedin-profile-score"]
    assert line.startswith("LinkedIn プロフィールの充実度 1/10：未達成は背景画像とカスタムURL、見出し、概要、")
    en = {f.text: f.message for f in check(edit("connections: 500+", "connections: 42"))[0]}
    assert en["connections"].startswith(
        "LinkedIn profile, connections (9/10): Grow your network to 500+ connections (now 42)"
    )


def test_japanese_thresholds_and_reader_words() -> None:
    about = (
        "月末の締め作業に毎月2週間かかっていませんか。あなたのチームの作業を一緒に見直し、"
        "銀行照合や仕訳の繰り返し作業を自動化する方法をご紹介します。"
    )
    base = edit("photo: sam.jpg\n", "photo: sam.jpg\nlang: ja\n")
    text = base.replace(ABOUT, f"about: {about * 2}{about[:8]}\n")  # 150 characters
    assert "about" not in check(text)[1].missing  # with あなた
    assert "about" in check(base.replace(ABOUT, f"about: {about * 2}{about[:7]}\n"))[1].missing  # 149
    assert "about" in check(text.replace("あなたの", "皆の"))[1].missing  # not written to the reader


def test_an_unsupported_language_gets_the_english_advice() -> None:
    findings, _ = check(edit("photo: sam.jpg\n", "lang: fr\n"))
    (photo,) = [f for f in findings if f.text == "photo"]
    assert photo.message.startswith("LinkedIn profile, photo (1/10): Add a professional photo")


def test_rules_for_other_languages_do_not_run() -> None:
    only_ja = replace(RULE, languages=("ja",))
    assert lint_profile([only_ja], profile_of(RULE.examples["fail"][0])) == ([], [])


PACK = """\
rules:
  - id: my-profile
    kind: profile-checklist
    languages: [en]
    message: "{name}: {advice}"
    rationale: Because.
    params:
      score_message: {en: "{score}/{total}, missing {missing}"}
      points:
        - id: photo
          name: {en: photo}
          fields: [photo]
          present: true
          advice: {en: Add one.}
"""


def test_a_checklist_of_your_own_scores_its_own_points(write: Callable[..., Path]) -> None:
    (rule,) = load_pack(write("pack.yaml", PACK)).rules
    findings, scores = lint_profile([rule], profile_of("kind: linkedin-profile\nname: X\n"))
    assert [(f.rule_id, f.message) for f in findings] == [
        ("my-profile", "photo: Add one."),
        ("my-profile-score", "0/1, missing photo"),
    ]
    assert scores == [ChecklistScore("my-profile", 0, 1, ("photo",))]


@pytest.mark.parametrize(
    ("old", "new", "complaint"),
    [
        ("fields: [photo]", "fields: [selfie]", "params.points: [1].fields: 'selfie' is not a profile field"),
        ("          present: true\n", "", "params.points: [1] has no condition"),
        ("present: true", "present: true\n          not_just: [name]", "[1].not_just: needs min_length"),
        ("present: true", "present: yes please", "[1].present: expected true"),
        ("present: true", "min_count: 2\n          types: [like]", "[1].types: 'like' is not an activity type"),
        ("present: true", "present: true\n          colour: red", "[1].colour: unknown option"),
        ("advice: {en: Add one.}", "advice: {ja: 追加を。}", "[1]: name and advice need an `en` entry"),
        ("languages: [en]", "languages: [en, ja]", "points[1].advice: no entry for language 'ja'"),
        ("fields: [photo]", "fields: []", "params.points: [1].fields: expected a non-empty list of strings"),
    ],
)
def test_bad_checklists_are_rule_errors_naming_the_option(
    write: Callable[..., Path], old: str, new: str, complaint: str
) -> None:
    assert old in PACK
    with pytest.raises(RuleError) as info:
        load_pack(write("pack.yaml", PACK.replace(old, new, 1)))
    assert complaint in info.value.message and "`my-profile`" in info.value.message
