"""Promotional-class warnings fire only where the classifier is sure enough (issue #15)."""

from __future__ import annotations

from dataclasses import replace

from contentlint.analysis import Analysis
from contentlint.analysis.analyser import Analyser
from contentlint.analysis.docs import with_docs
from contentlint.checks.engine import RuleSet
from contentlint.checks.pack import load_packs
from contentlint.packfiles import default_pack_files
from tests.helpers import post_from

BOOK = load_packs(default_pack_files())
RELEASE = "---\ntitle: Version 4.2 is now available\n---\nVersion 4.2 adds dark mode, CSV export and a new widget."
WE = (
    "---\ntitle: Our new platform\n---\nWe are proud to announce our new platform. We built it with our best "
    "engineers, and our roadmap shows we will keep leading. Our team and our partners thank us."
)


def analysed(rule_id: str, text: str) -> tuple[RuleSet, Analysis]:
    ((post, doc),) = with_docs([post_from(text)])
    return RuleSet([BOOK.rules[rule_id]]), Analyser(BOOK.cues)(post, doc)


def sure(analysis: Analysis, warning: bool) -> Analysis:
    assert analysis.classification is not None
    c = replace(analysis.classification, label="release", stage="at", group="promotional", promotional_warning=warning)
    return Analysis(analysis.post, analysis.doc, c, analysis.cues, analysis.rewrites)


def test_promo_without_outcome_needs_a_sure_promotional_call() -> None:
    ruleset, analysis = analysed("promo-without-outcome", RELEASE)
    assert [f.rule_id for f in ruleset.lint(sure(analysis, True))] == ["promo-without-outcome"]
    assert ruleset.lint(sure(analysis, False)) == []


def test_company_centric_speaks_only_of_posts_sure_to_be_promotional() -> None:
    ruleset, analysis = analysed("company-centric", WE)
    assert [f.rule_id for f in ruleset.lint(sure(analysis, True))] == ["company-centric"]
    assert ruleset.lint(sure(analysis, False)) == []
    unguarded = replace(
        BOOK.rules["company-centric"], params={**BOOK.rules["company-centric"].params, "promotional_only": False}
    )
    plain = RuleSet([unguarded])
    assert [f.rule_id for f in plain.lint(sure(analysis, False))] == ["company-centric"]
