from __future__ import annotations

from dataclasses import replace

from contentlint.analysis.analyser import Analyser
from contentlint.analysis.docs import with_docs
from contentlint.checks.engine import RuleSet, format_message
from contentlint.checks.pack import Rule, load_packs
from contentlint.packfiles import default_pack_files
from contentlint.post import Finding
from tests.helpers import post_from

BOOK = load_packs(default_pack_files())
RULES = BOOK.rules


def findings(rule: Rule, text: str) -> list[Finding]:
    ((post, doc),) = with_docs([post_from(text)])
    return RuleSet([rule]).lint(Analyser(BOOK.cues)(post, doc))


def test_phrases_match_inflected_forms_and_report_the_longest_overlap() -> None:
    rule = replace(
        RULES["hard-sell"], params={**RULES["hard-sell"].params, "phrases": {"en": ["buy now", "buy now and save"]}}
    )
    inflected, longest = findings(rule, "Buying now is easy. Buy now and save today!")
    assert (inflected.text, inflected.column, inflected.end_column) == ("Buying now", 1, 11)
    assert (longest.text, longest.column, longest.end_column) == ("Buy now and save", 21, 37)


def test_japanese_phrases_match_inflections_and_compounds() -> None:
    rule = replace(
        RULES["hard-sell"],
        params={**RULES["hard-sell"].params, "phrases": {"ja": ["今すぐ購入する", "今すぐお申し込み"], "en": ["x"]}},
    )
    # by lemma: the phrase's する matches the inflected し
    (inflected,) = findings(rule, "ぜひ今すぐ購入しよう。")
    assert inflected.text == "今すぐ購入しよう"
    # by surface: Sudachi splits 申し込み differently before ください than at the end of the phrase
    (compound,) = findings(rule, "こちらから今すぐお申し込みください。")
    assert (compound.text, compound.column) == ("今すぐお申し込み", 6)


def test_ratio_needs_a_minimum_count() -> None:
    # the ratio alone (the shipped rule also waits for a sure promotional call: tests/checks/test_classified.py)
    rule = replace(RULES["company-centric"], params={**RULES["company-centric"].params, "promotional_only": False})
    assert not findings(rule, "We think our plan works.")
    (finding,) = findings(rule, "We built our tool. We love our users. We ship.")
    assert "5 mentions" in finding.message and "ratio ∞" in finding.message
    assert finding.column == 1


def test_field_matches_words_in_list_values_and_not_inside_other_words() -> None:
    rule = RULES["vanity-kpi"]
    assert len(findings(rule, "---\nkpi: [follower count, clicks, likes]\n---\nBody text.")) == 2
    assert not findings(rule, "---\nkpi: likelihood to recommend\n---\nBody text.")


def test_unsupported_language_runs_only_language_independent_rules() -> None:
    text = "---\nlang: fr\nkpi: followers\n---\nAchetez maintenant ! Buy now!"
    ((post, doc),) = with_docs([post_from(text)])
    assert doc is None
    result = RuleSet(RULES.values()).lint(Analyser(BOOK.cues)(post, doc))
    assert sorted(f.rule_id for f in result) == ["unsupported-language", "vanity-kpi"]
    unsupported = next(f for f in result if f.rule_id == "unsupported-language")
    assert unsupported.fatal and (unsupported.line, unsupported.column) == (2, 7)


def test_message_placeholders_cannot_reach_attributes() -> None:
    assert format_message("{match} {match.__class__} {0}", {"match": "x"}) == "x {match.__class__} {0}"
