"""Every example of every default rule: `fail` examples must trigger the rule, `pass` examples must not."""

from __future__ import annotations

from pathlib import Path

import pytest

from contentlint.analysis.analyser import Analyser
from contentlint.analysis.docs import with_docs
from contentlint.checks.engine import RuleSet
from contentlint.checks.pack import Rule, load_packs
from contentlint.checks.registry import scope_of
from contentlint.packfiles import default_pack_files
from contentlint.run import Runner, RunOptions
from tests.helpers import post_from, profile_of

BOOK = load_packs(default_pack_files())
RULES = BOOK.rules
CASES = [
    pytest.param(rule, verdict, text, id=f"{rule.id}-{verdict}-{i}")
    for rule in RULES.values()
    for verdict in ("fail", "pass")
    for i, text in enumerate(rule.examples.get(verdict, ()))
]


# Promotional-class warnings fire only over the language model's P(promotional) threshold (95% warning precision);
# no short Chinese launch post we wrote clears the Chinese model's (0.88): see contentlint/models/MODEL_CARD.md.
NO_FAILING_EXAMPLE = {("promo-without-outcome", "zh"), ("company-centric", "zh")}


def test_every_rule_has_examples_in_every_language_it_supports() -> None:
    for rule in RULES.values():
        assert rule.examples.get("fail"), rule.id
        assert rule.examples.get("pass"), rule.id
        if scope_of(rule.kind) == "calendar":
            continue
        langs = {_lang(text, rule) for text in rule.examples["fail"]}
        # a language-independent rule covers en and ja, and zh too when it has a Chinese message
        expected = {"en", "ja", *({"zh"} & set(rule.messages))} if "*" in rule.languages else set(rule.languages)
        expected -= {lang for rule_id, lang in NO_FAILING_EXAMPLE if rule_id == rule.id}
        assert expected <= langs, f"{rule.id}: fail examples cover {langs}, not {expected}"


def _lang(text: str, rule: Rule) -> str:
    # profile rules' examples are whole profile files
    return profile_of(text).lang if scope_of(rule.kind) == "profile" else post_from(text).lang


@pytest.mark.parametrize(("rule", "verdict", "text"), CASES)
def test_rule_example(rule: Rule, verdict: str, text: str, tmp_path: Path) -> None:
    if scope_of(rule.kind) in ("calendar", "profile"):
        # calendar and profile rules' examples are calendars and profiles: run the whole command path on one
        path = tmp_path / f"{scope_of(rule.kind)}.yaml"
        path.write_text(text, encoding="utf-8")
        result = Runner(RunOptions(use_config_files=False, fail_under=0)).run([str(path)])
        assert not result.has_fatal, [f.message for f in result.findings if f.fatal]
        findings = [f for f in result.findings if f.rule_id == rule.id]
    else:
        ((post, doc),) = with_docs([post_from(text, "example.md")])
        findings = [f for f in RuleSet([rule]).lint(Analyser(BOOK.cues)(post, doc)) if f.rule_id == rule.id]
    if verdict == "fail":
        assert findings, f"{rule.id} should flag: {text!r}"
        for finding in findings:
            if scope_of(rule.kind) == "calendar":  # about the whole calendar, naming the entries it is about
                assert finding.path == str(path) and not finding.positioned, finding
                assert finding.related and all(r.path == str(path) and r.line >= 2 for r in finding.related)
                assert all(str(r.line) in finding.about for r in finding.related), finding.about
            else:
                assert finding.line >= 1 and finding.column >= 1
            assert "{" not in finding.message, finding.message
    else:
        assert not findings, f"{rule.id} should not flag {text!r}: {[f.message for f in findings]}"
