"""`contentlint check` on the channel and advertising-law samples: the findings each sample is written to show."""

from __future__ import annotations

import json

from tests.helpers import REPO, run

SPONSORED = REPO / "samples/ja/sponsored-review.md"
LINKEDIN_EN = REPO / "samples/linkedin/post-en.md"
LINKEDIN_JA = REPO / "samples/linkedin/post-ja.md"


def findings(*paths: object) -> tuple[int, set[tuple[str, int, int, str, str]]]:
    code, out, _ = run(["check", "--no-cache", "--format", "json", *map(str, paths)])
    rows = json.loads(out)["findings"]
    return code, {(r["path"], r["line"], r["column"], r["level"], r["rule"]) for r in rows}


def test_sponsored_review_breaks_both_japanese_advertising_rules() -> None:
    code, found = findings(SPONSORED)
    assert code == 1
    path = str(SPONSORED)
    assert (path, 5, 40, "error", "ja-stealth-marketing") in found  # ご提供いただき, and no #PR anywhere
    assert (path, 9, 3, "warning", "ja-unsupported-superlative") in found  # 業界No.1, and no ※ source note
    code, out, _ = run(["check", "--no-cache", path])
    assert f"{path}:5:40: error [ja-stealth-marketing] 広告であることの表示がありません（ご提供いただき）" in out
    assert "景品表示法" in out and "調査期間" in out


def test_linkedin_posts_trigger_the_linkedin_rules() -> None:
    code, found = findings(LINKEDIN_EN, LINKEDIN_JA)
    assert code == 1
    en, ja = str(LINKEDIN_EN), str(LINKEDIN_JA)
    expected = {
        (en, 5, 1, "warning", "link-first-line"),  # the URL opens the body (it is not in the analysed text)
        (en, 9, 37, "warning", "linkedin-pitch"),  # DM me
        (en, 9, 46, "warning", "linkedin-pitch"),  # book a demo
        (en, 9, 69, "warning", "linkedin-pitch"),  # Only a few spots left
        (en, 11, 49, "warning", "linkedin-hashtags"),  # the 6th of 7 hashtags
        (ja, 7, 1, "warning", "linkedin-pitch"),  # 詳細はDM
        (ja, 7, 14, "warning", "linkedin-pitch"),  # 個別相談
        (ja, 9, 30, "warning", "linkedin-hashtags"),
        (ja, 2, 8, "info", "linkedin-no-question"),  # at the title: no question, no takeaway
    }
    assert expected <= found, sorted(expected - found)
    assert not {f for f in found if f[0] == en and f[4] == "linkedin-no-question"}  # it asks a question


def test_the_linkedin_rules_are_listed_and_explained() -> None:
    code, out, _ = run(["rules"])
    ids = {line.split()[0] for line in out.splitlines()}
    assert code == 0 and ids >= {
        "linkedin-pitch",
        "linkedin-hashtags",
        "linkedin-no-question",
        "channel-length",
        "weibo-fold",
        "x-hashtags",
        "instagram-hashtag-limit",
        "link-first-line",
        "ja-unsupported-superlative",
        "ja-stealth-marketing",
        "zh-absolute-terms",
        "zh-superlative",
        "zh-ad-label",
    }
    code, out, _ = run(["explain", "ja-stealth-marketing"])
    assert code == 0 and "(requires, error, languages: ja)" in out
    assert "  when sponsored: true / yes" in out and "  passes with [ja]: #PR, #広告, 【PR】" in out
    code, out, _ = run(["explain", "channel-length"])
    assert code == 0 and "  x: at most 280 characters, X's weighted count (CJK and emoji 2), a URL counts 23" in out
    code, out, _ = run(["explain", "linkedin-no-question"])
    assert code == 0 and "  every post (reported at its title)" in out


def test_a_sponsored_calendar_entry_needs_its_label(write) -> None:  # type: ignore[no-untyped-def]
    entry = (
        "  - date: 2026-03-0{day}\n    channel: instagram\n    lang: ja\n    sponsored: true\n"
        "    title: {title}\n    body: 発色がきれいで一日中落ちにくいリップです。\n"
    )
    path = write(
        "cal.yaml",
        "entries:\n"
        + entry.format(day=1, title="新作リップを使ってみました")
        + entry.format(day=8, title="【PR】新作リップを使ってみました"),
    )
    code, out, _ = run(["check", "--no-cache", str(path)])
    flagged = [line for line in out.splitlines() if "[ja-stealth-marketing]" in line]
    assert code == 1 and len(flagged) == 1 and flagged[0].startswith(f"{path}:5:16: error")
