"""The labelled pressure-phrase set: precision and recall of the pressure rules per language.

Each ``<lang>.yaml`` maps a rule id to sentences that must trigger it, and ``none`` to ordinary sentences that
share the words and must trigger no pressure rule. A sentence is linted alone as a post in its language with the
default rule pack. Scoring is per (sentence, rule): an expected rule that fires is a true positive, one that does
not is a miss, and every other pressure rule that fires is a false alarm. ``ALSO_COUNTS`` lists the ad-law rules
that report the same superlative claims in Japanese and Chinese; their findings count as the expected rule.

Run ``python -m tests.checks.pressure_set`` to print the numbers (add ``-v`` to list every error).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from contentlint.analysis.docs import with_docs
from contentlint.checks.engine import RuleSet
from contentlint.checks.pack import load_packs
from contentlint.packfiles import default_pack_files
from tests.helpers import post_from

HERE = Path(__file__).resolve().parent
LANGS = ("en", "ja", "zh")
PRESSURE_RULES = ("hard-sell", "follower-bait", "unsupported-superlative")
ALSO_COUNTS = {"unsupported-superlative": ("ja-unsupported-superlative", "zh-absolute-terms")}
NONE = "none"


@dataclass(frozen=True, slots=True)
class Item:
    text: str
    expected: str  # a rule id, or NONE


@dataclass(slots=True)
class Score:
    lang: str
    items: int = 0
    true_positives: int = 0
    false_alarms: list[tuple[str, str]] = field(default_factory=list)  # (rule, text)
    misses: list[tuple[str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + len(self.false_alarms)
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + len(self.misses)
        return self.true_positives / expected if expected else 1.0


def load(lang: str) -> list[Item]:
    data = yaml.safe_load((HERE / f"{lang}.yaml").read_text(encoding="utf-8"))
    return [Item(text, rule) for rule, texts in data.items() if rule != "lang" for text in texts]


def _reported_as(rule_id: str) -> str | None:
    if rule_id in PRESSURE_RULES:
        return rule_id
    return next((rule for rule, others in ALSO_COUNTS.items() if rule_id in others), None)


def measure(lang: str) -> Score:
    items = load(lang)
    ruleset = RuleSet.from_book(load_packs(default_pack_files()))
    posts = [post_from(f"---\nlang: {lang}\n---\n{item.text}\n") for item in items]
    score = Score(lang, len(items))
    for item, (post, doc) in zip(items, with_docs(posts), strict=True):
        fired = {rule for f in ruleset.lint(ruleset.analyser(post, doc)) if (rule := _reported_as(f.rule_id))}
        if item.expected != NONE:
            if item.expected in fired:
                score.true_positives += 1
            else:
                score.misses.append((item.expected, item.text))
        score.false_alarms.extend((rule, item.text) for rule in sorted(fired - {item.expected}))
    return score


def main(argv: list[str] | None = None) -> int:
    import sys

    verbose = "-v" in (argv if argv is not None else sys.argv[1:])
    for lang in LANGS:
        score = measure(lang)
        print(
            f"{lang}: {score.items} sentences  precision {score.precision:.3f}  recall {score.recall:.3f}  "
            f"(tp {score.true_positives}, false alarms {len(score.false_alarms)}, misses {len(score.misses)})"
        )
        if verbose:
            for rule, text in score.false_alarms:
                print(f"  false alarm {rule}: {text}")
            for rule, text in score.misses:
                print(f"  miss {rule}: {text}")
    return 0
