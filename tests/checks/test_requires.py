"""The `requires` kind (advertising-law and LinkedIn rules), phrase exclusions and phrases in the pattern kind."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from contentlint.checks.pack import load_pack
from contentlint.errors import RuleError
from contentlint.run import Runner, RunOptions
from tests.helpers import default_rules, findings

RULES = default_rules()


def test_sponsored_front_matter_without_a_label_is_an_error_at_the_field() -> None:
    rule = RULES["ja-stealth-marketing"]
    text = "---\ntitle: イヤホンをレビュー\nsponsored: yes\n---\n通勤電車で試しました。"
    (finding,) = findings(rule, text)
    assert (finding.level, finding.line, finding.column) == ("error", 3, 12)
    assert "sponsored: true" in finding.message and "#PR" in finding.message
    assert not findings(rule, text.replace("通勤", "#PR 通勤"))
    assert not findings(rule, text.replace("yes", "false"))


def test_tie_up_wording_is_reported_once_at_the_first_phrase() -> None:
    rule = RULES["ja-stealth-marketing"]
    text = (
        "---\ntitle: 美容液を使ってみた\n---\n〇〇さまから美容液をご提供いただきました。\n\n"
        "商品提供のお礼に感想を書きます。"
    )
    (finding,) = findings(rule, text)
    assert (finding.line, finding.column, finding.text) == (4, 11, "ご提供いただき")
    # a label anywhere, title included, satisfies the rule; so does a full-width ＃ (normalised)
    assert not findings(rule, text.replace("美容液を使ってみた", "【PR】美容液を使ってみた"))
    assert not findings(rule, text + "\n\n＃ＰＲ")


def test_superlatives_are_each_reported_unless_the_post_states_a_source() -> None:
    rule = RULES["ja-unsupported-superlative"]
    text = "---\ntitle: 満足度No.1の家計簿アプリ\n---\n業界最安の料金で、日本一使いやすい。世界一周の旅にも。"
    first, second, third = findings(rule, text)
    assert [(f.line, f.column, f.text) for f in (first, second, third)] == [
        (2, 11, "No.1"),
        (4, 1, "業界最安"),
        (4, 10, "日本一"),
    ]
    assert first.level == "warning" and "景品表示法" in first.message
    assert not findings(rule, text + "\n\n※2025年3月 当社調べ（利用者300名、調査期間：3月1日〜14日）")


def test_without_a_trigger_every_post_of_the_channel_must_comply() -> None:
    rule = RULES["linkedin-no-question"]
    text = "---\ntitle: We are hiring\nchannel: linkedin\n---\nFive roles in Berlin."
    (finding,) = findings(rule, text)
    assert (finding.level, finding.line, finding.column, finding.end_column) == ("info", 2, 8, 21)
    assert not findings(rule, text + " What would you ask a new team?")
    assert not findings(rule, text.replace("Five roles", "The lesson: five roles"))
    assert not findings(rule, text.replace("linkedin", "blog"))
    assert not findings(rule, "---\nchannel: linkedin\n---\n新オフィスへの移転で学んだこと。席より会議室が大事でした。")


def test_chinese_absolute_terms_skip_ordinary_words_containing_them() -> None:
    rule = RULES["zh-absolute-terms"]
    (first, second) = findings(rule, "---\ntitle: 净化器\n---\n最近我们发现，它是行业第一的最佳选择，最后一步很简单。")
    assert [(f.line, f.column, f.text) for f in (first, second)] == [(4, 10, "行业第一"), (4, 15, "最佳")]
    superlative = RULES["zh-superlative"]
    (finding,) = findings(superlative, "最近、最后、最初和最终都不算，最舒服才算。第一步也不算。")
    assert (finding.column, finding.text) == (16, "最")


def test_chinese_sponsored_posts_need_the_word_guanggao(write: Callable[..., Path]) -> None:
    rule = RULES["zh-ad-label"]
    (finding,) = findings(rule, "感谢品牌方提供的新款耳机，降噪效果很明显。")
    assert (finding.column, finding.text) == (3, "品牌方提供")
    assert not findings(rule, "广告｜感谢品牌方提供的新款耳机，降噪效果很明显。")
    # a calendar entry's draft: the field is reported in the draft's front matter
    draft = write(
        "drafts/robot.md", "---\ntitle: 扫地机器人用了一个月\nsponsored: true\n---\n家里有猫，它每天自动清扫两次。\n"
    )
    calendar = write("calendar.yaml", "entries:\n  - {date: 2026-11-02, channel: weibo, file: drafts/robot.md}\n")
    result = Runner(RunOptions(use_config_files=False, fail_under=0)).run([str(calendar)])
    (finding,) = [f for f in result.findings if f.rule_id == "zh-ad-label"]
    assert (finding.path, finding.line, finding.column) == (str(draft), 3, 12)


def test_exclusions_drop_only_overlapping_matches() -> None:
    rule = replace(
        RULES["hard-sell"],
        params={
            **RULES["hard-sell"].params,
            "phrases": {"en": ["now"], "ja": ["今"], "zh": ["现在"]},
            "exclude": {"en": ["right now"]},
        },
    )
    (finding,) = findings(rule, "Right now it is free. Buy it now.")
    assert finding.column == 30


def test_pattern_rules_take_phrases_for_unspaced_languages() -> None:
    rule = RULES["follower-bait"]
    # (no prize in the sentence: with one, the token pattern reports the whole clause 关注…开奖 instead)
    (first, second) = findings(rule, "---\ntitle: 双十一\n---\n关注＋转发本条并@三位好友，周五见。")
    assert [(f.column, f.text) for f in (first, second)] == [(1, "关注＋转发"), (9, "@三位好友")]
    (finding,) = findings(rule, "フォローキャンペーン開催中！")
    assert finding.text == "フォローキャンペーン"


REQUIRES = """\
rules:
  - id: my-rule
    kind: requires
    level: warning
    languages: [en]
    message: "{match} needs one of {required}"
    rationale: Because.
    params:
      when_fields: {sponsored: [true]}
      required: {en: ["#ad"]}
"""


@pytest.mark.parametrize(
    ("old", "new", "complaint"),
    [
        (
            "when_fields: {sponsored: [true]}",
            "when_fields: {sponsored: true}",
            "params.when_fields: sponsored: expected",
        ),
        ("when_fields: {sponsored: [true]}", "when_fields: [sponsored]", "params.when_fields: expected a mapping"),
        ('required: {en: ["#ad"]}', "required: {ja: [広告]}", "params.required: no entry for language 'en'"),
        (
            'required: {en: ["#ad"]}',
            'required: {en: ["#ad"]}\n      each: maybe',
            "params.each: expected true or false",
        ),
        ('required: {en: ["#ad"]}', 'required: {en: ["#ad"]}\n      when: {ja: [案件]}', "params.when: no entry"),
    ],
)
def test_bad_requires_options_name_file_rule_and_option(
    write: Callable[..., Path], old: str, new: str, complaint: str
) -> None:
    (rule,) = load_pack(write("ok.yaml", REQUIRES)).rules
    assert rule.params["each"] is False and rule.params["when"] == {}
    path = write("pack.yaml", REQUIRES.replace(old, new))
    with pytest.raises(RuleError) as info:
        load_pack(path)
    assert complaint in info.value.message, info.value.message
    assert "`my-rule`" in info.value.message and info.value.path == str(path) and info.value.line == 2
