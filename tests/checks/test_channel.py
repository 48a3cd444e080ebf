"""The channel kinds (length, hashtags, link-first-line) and the per-rule `channels` key, with positions in the
original file: front matter, Markdown bodies, YAML posts and calendar entries."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from contentlint.checks.channel import char_weights
from contentlint.checks.pack import load_pack, load_packs
from contentlint.errors import RuleError
from contentlint.packfiles import default_pack_files
from contentlint.post import Finding
from contentlint.run import Runner, RunOptions
from tests.helpers import findings

BOOK = load_packs(default_pack_files())
RULES = BOOK.rules


def run_file(path: Path, rule_id: str) -> list[Finding]:
    result = Runner(RunOptions(use_config_files=False, fail_under=0)).run([str(path)])
    return [f for f in result.findings if f.rule_id == rule_id]


# -- length ----------------------------------------------------------------------------------------------------


def test_x_weights_cjk_full_width_and_emoji_double_and_an_emoji_sequence_once() -> None:
    assert sum(char_weights("abc, é", "x")) == 6
    assert sum(char_weights("日本語かなＡ한", "x")) == 14
    assert sum(char_weights("👍🏽 👨‍👩‍👧", "x")) == 5  # two emoji (2 each) and a space
    assert sum(char_weights("abcd微博", "weibo")) == 4
    assert sum(char_weights("日本語", "plain")) == 3


def test_what_a_reader_sees_as_one_character_counts_once() -> None:
    assert sum(char_weights("👨\u200d👩\u200d👧", "plain")) == 1  # a family
    assert sum(char_weights("🇯🇵🇨🇳", "plain")) == 2 and sum(char_weights("🇯🇵🇨🇳", "x")) == 4  # two flags
    assert sum(char_weights("1\ufe0f\u20e3", "x")) == 2  # a keycap is an emoji
    assert sum(char_weights("e\u0301", "plain")) == 1  # e + combining acute


def test_x_limit_counts_japanese_double_and_reports_where_the_limit_is_passed() -> None:
    rule = RULES["channel-length"]
    text = "---\nchannel: x\n---\n" + "あ" * 100 + "\n" + "い" * 45 + "\n"
    (finding,) = findings(rule, text)
    # 100 + newline = 201 weighted; the 40th い takes the count from 279 to 281
    assert (finding.line, finding.column) == (5, 40)
    assert (finding.end_line, finding.end_column) == (5, 46)
    assert "291 " in finding.message and "280" in finding.message
    assert not findings(rule, text.replace("channel: x", "channel: weibo"))
    assert not findings(rule, text.replace("channel: x\n", ""))  # no channel, no limit


def test_title_length_is_measured_on_the_title_as_written() -> None:
    rule = RULES["title-length"]
    title = "财务小白也能学会：月末结账从五天缩短到两天的三个习惯"  # 26 characters
    (finding,) = findings(rule, f"---\nchannel: xiaohongshu\ntitle: {title}\n---\n所有发票只走一个收件箱。\n")
    assert (finding.line, finding.column) == (3, 8 + 20)  # `title: ` then the 21st character
    assert "26" in finding.message and "20" in finding.message
    assert not findings(rule, f"---\nchannel: wechat\ntitle: {title}\n---\n所有发票只走一个收件箱。\n")
    assert not findings(rule, "---\nchannel: xiaohongshu\n---\n" + "所有发票只走一个收件箱。" * 5 + "\n")  # no title


def test_x_counts_a_url_as_23_however_long_it_is() -> None:
    rule = RULES["channel-length"]
    url = "https://example.com/" + "a" * 300
    assert not findings(rule, f"---\nchannel: X\n---\nRead this: {url}\n")  # channel names are case-insensitive
    long_text = "---\nchannel: x\n---\n" + "word " * 50 + url + "\n"  # 250 + 23 = 273
    assert not findings(rule, long_text)
    (finding,) = findings(rule, long_text.replace(url, url + " and more words"))
    assert (finding.line, finding.column) == (4, 252 + len(url) + 6)  # the overflow is in the text after the URL


def test_overflow_inside_a_url_is_reported_at_the_url() -> None:
    rule = replace(RULES["channel-length"], params={"limits": {"linkedin": {"max": 30}}, "part": "post"})
    text = "---\nchannel: linkedin\n---\nShort text, then https://example.com/a/long/path\n"
    (finding,) = findings(rule, text)
    assert (finding.line, finding.column) == (4, 18)
    assert finding.end_line is None


def test_weibo_fold_is_reported_where_the_fold_falls() -> None:
    rule = RULES["weibo-fold"]
    (finding,) = findings(rule, "---\ntitle: 标题\nchannel: weibo\n---\n" + "字" * 150 + "\n")
    # the title (2) and the blank line after it (2) count: the 141st character is the 137th of the body
    assert (finding.line, finding.column) == (5, 137)
    assert finding.level == "info" and "140" in finding.message


def test_a_yaml_post_counts_its_body_urls(write: Callable[..., Path]) -> None:
    body = "word " * 50
    path = write("post.yaml", f"title: t\nchannel: x\nbody: '{body}https://example.com/{'x' * 40} more'\n")
    (finding,) = run_file(path, "channel-length")  # 1 + 2 + 250 + 23 + 5 = 281
    assert (finding.line, finding.column) == (3, 8 + 250 + 60 + 4)


# -- hashtags --------------------------------------------------------------------------------------------------


def test_hashtags_are_counted_and_reported_from_the_first_over_the_limit() -> None:
    rule = RULES["linkedin-hashtags"]
    text = "---\nchannel: linkedin\n---\nLessons. #a1 #b ＃c #d\n\n#e #f #g\n"
    (finding,) = findings(rule, text)
    assert (finding.line, finding.column, finding.end_column, finding.text) == (6, 4, 6, "#f")
    assert "7 hashtags" in finding.message
    six = text.replace(" #g", "")
    assert findings(rule, six)
    assert not findings(rule, six.replace("#f", "#1"))  # a number is not a tag
    assert not findings(rule, six.replace("#f", "a#f"))  # nor a # inside a word
    assert not findings(rule, six.replace("#f", "&#35;"))  # nor an HTML entity
    assert not findings(rule, text.replace("channel: linkedin", "channel: x"))


def test_weibo_topics_count_once_and_japanese_tags_after_punctuation() -> None:
    rule = replace(RULES["x-hashtags"], params={"limits": {"weibo": 1}})
    (finding,) = findings(rule, "---\nchannel: weibo\n---\n#双十一# 今天开始。#新品#\n")
    assert finding.text == "#新品#"
    rule = replace(RULES["x-hashtags"], params={"limits": {"x": 1}})
    (finding,) = findings(rule, "---\nchannel: x\n---\nありがとう！#PR #広告\n")
    assert (finding.line, finding.column) == (4, 11)


# -- link-first-line -------------------------------------------------------------------------------------------


def test_a_url_opening_the_body_is_reported_at_its_line_and_column() -> None:
    rule = RULES["link-first-line"]
    text = (
        "---\ntitle: Our checklist\nchannel: linkedin\n---\n\nRead it: https://example.com/a and www.example.org"
        "\n\nMore.\n"
    )
    first, second = findings(rule, text)
    assert (first.line, first.column, first.text) == (6, 10, "https://example.com/a")
    assert (second.line, second.column, second.text) == (6, 36, "www.example.org")
    assert not findings(rule, text.replace("linkedin", "x"))
    later = "---\nchannel: facebook\n---\nThe point first.\n\nhttps://example.com/a\n"
    assert not findings(rule, later)
    assert findings(replace(rule, params={"lines": 2}), later)


def test_a_url_in_the_title_or_a_file_without_front_matter() -> None:
    rule = RULES["link-first-line"]
    (finding,) = findings(rule, "---\ntitle: See https://example.com/guide\nchannel: linkedin\n---\nThe point.\n")
    assert (finding.line, finding.column, finding.end_column) == (2, 12, 37)
    rule = replace(rule, channels=())
    (finding,) = findings(rule, "https://example.com/guide\n\nThe point.\n")
    assert (finding.line, finding.column) == (1, 1)


def test_a_url_in_a_yaml_post_and_a_calendar_entry(write: Callable[..., Path]) -> None:
    path = write("post.yaml", "title: Guide\nchannel: linkedin\nbody: |\n\n  Read https://example.com/g first.\n")
    (finding,) = run_file(path, "link-first-line")
    assert (finding.path, finding.line, finding.column) == (str(path), 5, 8)
    calendar = write(
        "calendar.yaml",
        "entries:\n  - date: 2026-01-05\n    channel: linkedin\n    title: Guide\n"
        "    body: 'https://example.com/g — the checklist we use.'\n"
        "  - {date: 2026-01-12, channel: x, title: Guide, "
        "body: 'https://example.com/g'}\n",
    )
    (finding,) = run_file(calendar, "link-first-line")
    assert (finding.path, finding.line, finding.column) == (str(calendar), 5, 12)


# -- the channels key ------------------------------------------------------------------------------------------


def test_a_calendar_entry_channel_reaches_channel_rules(write: Callable[..., Path]) -> None:
    write("drafts/post.md", "---\ntitle: We are hiring\n---\nDM me to book a demo.\n")
    calendar = write("calendar.yaml", "entries:\n  - {date: 2026-01-05, channel: LinkedIn, file: drafts/post.md}\n")
    dm, demo = run_file(calendar, "linkedin-pitch")
    assert dm.path == str(calendar.parent / "drafts/post.md")
    assert (dm.line, dm.column, dm.text, demo.column, demo.text) == (4, 1, "DM me", 10, "book a demo")
    assert not run_file(calendar.parent / "drafts/post.md", "linkedin-pitch")  # on its own it has no channel


PACK = """\
rules:
  - id: my-rule
    kind: hashtags
    level: warning
    channels: [X, weibo]
    message: "{count} tags"
    rationale: Because.
    params:
      limits: {x: 2}
"""


def test_channels_are_lower_cased_and_validated(write: Callable[..., Path]) -> None:
    (rule,) = load_pack(write("pack.yaml", PACK)).rules
    assert rule.channels == ("x", "weibo") and rule.applies_to_channel("x") and not rule.applies_to_channel(None)
    assert RULES["hard-sell"].applies_to_channel(None)


@pytest.mark.parametrize(
    ("old", "new", "complaint"),
    [
        ("channels: [X, weibo]", "channels: 5", "channels: expected a list of channel names"),
        ("limits: {x: 2}", "limits: {x: two}", "params.limits: [x] expected a whole number"),
        ("limits: {x: 2}", "limits: [x]", "params.limits: expected a mapping of channel -> limit"),
        ("limits: {x: 2}", "limits: {X: 2}", "channel names are lower-case"),
        ("kind: hashtags", "kind: length", None),
        ("limits: {x: 2}", "limits: {x: 2}\n      lines: 3", "params.lines: unknown option"),
    ],
)
def test_bad_channel_options_name_file_rule_and_option(
    write: Callable[..., Path], old: str, new: str, complaint: str | None
) -> None:
    path = write("pack.yaml", PACK.replace(old, new))
    if complaint is None:  # the same limits are valid for the length kind...
        assert load_pack(path).rules
        for limit, complaint in (
            ("{max: 280, weighting: twitter}", "[x] expected one of plain, x, weibo"),
            ("{weighting: x}", "[x] `max` is missing"),
            ("{max: 280, url: 23}", "[x] unknown key `url`"),
        ):
            with pytest.raises(RuleError, match=re.escape(f"params.limits: {complaint}")):  # ...these are not
                load_pack(write("pack.yaml", PACK.replace(old, new).replace("{x: 2}", f"{{x: {limit}}}")))
        return
    with pytest.raises(RuleError) as info:
        load_pack(path)
    assert complaint in info.value.message, info.value.message
    assert "`my-rule`" in info.value.message and info.value.path == str(path) and info.value.line == 2


def test_an_article_a_calendar_puts_on_a_channel_is_not_held_to_the_channel_limits(write: Callable[..., Path]) -> None:
    article = "---\ntitle: A long guide\n---\nhttps://example.com/source\n\n" + "A sentence of the guide. " * 20 + "\n"
    write("drafts/guide.md", article)
    write("drafts/post.md", "---\nchannel: x\n---\n" + "A sentence of the post. " * 20 + "\n")
    calendar = write(
        "calendar.yaml",
        "entries:\n  - {date: 2026-01-05, channel: x, file: drafts/guide.md}\n"
        "  - {date: 2026-01-12, channel: linkedin, file: drafts/guide.md}\n"
        "  - {date: 2026-01-19, file: drafts/post.md}\n",
    )
    (finding,) = run_file(calendar, "channel-length")
    assert finding.path.endswith("post.md")  # the draft written for X is checked, the shared article is not
    assert not run_file(calendar, "link-first-line")


def test_an_article_written_for_another_channel_keeps_its_own(write: Callable[..., Path]) -> None:
    for own, checked in (
        ("channel: note  # written for note", False),
        ('channel: "X"', True),
        ('+++\nchannel = "x"\n+++', True),
        ('+++\nchannel = "blog"\n+++', False),
    ):
        front = own if own.startswith("+++") else f"---\n{own}\n---"
        write("drafts/guide.md", f"{front}\n" + "A sentence of the guide. " * 20 + "\n")
        calendar = write("calendar.yaml", "entries:\n  - {date: 2026-01-05, channel: x, file: drafts/guide.md}\n")
        assert bool(run_file(calendar, "channel-length")) is checked, own


def test_the_body_is_where_the_loader_put_it(write: Callable[..., Path]) -> None:
    """A YAML block body's closing URL line counts; front matter opened by `---` and a full-width space (as the
    loader reads it) is not body, so a URL in it is not a link in the opening line."""
    text = "x" * 260  # with the title, 264 characters: over 280 only when the closing URL counts (23)
    block = write("block.yaml", f"channel: x\ntitle: t\nbody: |\n  {text}\n  https://example.com/a\n")
    flow = write("flow.yaml", f'channel: x\ntitle: t\nbody: "{text}\\nhttps://example.com/a"\n')
    counts = [[f.message.split(" ")[0] for f in run_file(path, "channel-length")] for path in (block, flow)]
    assert counts[0] == counts[1] and len(counts[0]) == 1 and int(counts[0][0]) > 280
    odd = write("odd.md", "---\u3000\nchannel: linkedin\nimage: https://example.com/i.png\n---\nA calm opening line.\n")
    assert run_file(odd, "link-first-line") == []
