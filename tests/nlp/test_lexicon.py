"""Cue lexicons read below the rules: the same cues the rule packs define, and errors naming the cue set."""

from __future__ import annotations

from pathlib import Path

import pytest

from contentlint.checks.pack import load_packs
from contentlint.errors import RuleError
from contentlint.nlp.lexicon import default_cues, load_cues, parse_cues
from contentlint.packfiles import default_pack_files


def test_the_lexicon_is_the_one_the_rule_packs_define() -> None:
    assert default_cues() == load_packs(default_pack_files()).cues


def test_a_later_pack_adds_phrases_once(tmp_path: Path) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text("cues:\n  sale: {en: [discount, coupon]}\n", encoding="utf-8")
    second.write_text("rules: []\ncues:\n  sale: {en: [coupon, clearance], ja: [セール]}\n", encoding="utf-8")
    assert load_cues([first, second]) == {"sale": {"en": ("discount", "coupon", "clearance"), "ja": ("セール",)}}


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ([], "cues: expected a mapping of cue set"),
        ({"Sale": {"en": ["x"]}}, "cues: cue set name 'Sale' must be lower-case words joined by '-'"),
        ({"sale": {"en": []}}, "cues.sale: [en] expected a non-empty list of strings"),
    ],
)
def test_a_bad_lexicon_is_a_rule_error_naming_the_pack_and_cue_set(raw: object, says: str) -> None:
    with pytest.raises(RuleError) as caught:
        parse_cues(raw, "my-pack.yaml")
    assert says in str(caught.value) and caught.value.path == "my-pack.yaml"
