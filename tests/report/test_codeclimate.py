"""GitLab Code Quality (Code Climate JSON): the shape GitLab's merge-request widget reads, stable fingerprints."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema

from tests.helpers import run

# What GitLab documents for a Code Quality report ("Implement a custom tool"): a JSON array of issues, each with
# these fields; `severity` one of GitLab's five.
GITLAB_CODE_QUALITY = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}
SALE = "---\ntitle: Spring sale\n---\nBuy now! Limited time only.\n"
JA = "---\ntitle: 春のセール\nlang: ja\n---\n今すぐ購入！期間限定の大特価セールです。\n"


def issues(args: list[str]) -> list[dict]:
    code, out, _ = run(["check", "--no-cache", "--format", "codeclimate", *args])
    assert code in (1, 2), out
    data = json.loads(out)
    jsonschema.validate(data, GITLAB_CODE_QUALITY)
    return data


def test_findings_in_both_languages_load_as_gitlab_expects(write: Callable[..., Path]) -> None:
    en, ja = write("en.md", SALE), write("ja.md", JA)
    data = issues([str(en), str(ja)])
    hard_sell = [i for i in data if i["check_name"] == "hard-sell" and i["location"]["path"] == str(en)]
    assert hard_sell and hard_sell[0]["location"]["lines"]["begin"] == 4 and hard_sell[0]["severity"] == "minor"
    assert any(i["location"]["path"] == str(ja) for i in data)
    assert len({i["fingerprint"] for i in data}) == len(data)


def test_fingerprints_survive_lines_moving(write: Callable[..., Path]) -> None:
    post = write("post.md", SALE)
    before = {i["fingerprint"]: i["location"]["lines"]["begin"] for i in issues([str(post)])}
    post.write_text(SALE.replace("---\nBuy", "---\n\nAn intro line.\n\nBuy"), encoding="utf-8")
    after = {i["fingerprint"]: i["location"]["lines"]["begin"] for i in issues([str(post)])}
    assert set(before) <= set(after)
    assert any(after[fp] != line for fp, line in before.items())


def test_an_unreadable_file_is_a_critical_issue_and_feed_findings_start_at_line_1(
    write: Callable[..., Path], tmp_path: Path
) -> None:
    write("feed/a.md", "---\ntitle: Sale one\ndate: 2026-01-05\n---\nBuy now! 30% off.\n")
    write("feed/b.md", "---\ntitle: Sale two\ndate: 2026-01-06\n---\nBuy now! 40% off.\n")
    bad = write("feed/bad.md", b"ok\n\xc3\x28 broken")
    data = issues([str(tmp_path / "feed")])
    broken = [i for i in data if i["location"]["path"] == str(bad)]
    assert broken and broken[0]["severity"] == "critical" and broken[0]["categories"] == ["Bug Risk"]
    feed = [i for i in data if i["location"]["path"].endswith("feed/")]
    assert feed and all(i["location"]["lines"]["begin"] == 1 for i in feed)
