from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from contentlint.checks.pack import load_pack
from contentlint.errors import RuleError
from contentlint.packfiles import default_pack_files

VALID = """\
rules:
  - id: my-rule
    kind: phrases
    level: warning
    languages: [en]
    message: "Found {match}"
    rationale: Because.
    params:
      phrases: {en: [act now]}
"""


def test_default_packs_are_shipped_and_valid() -> None:
    files = default_pack_files()
    assert {f.name for f in files} >= {
        "hard-sell.yaml",
        "follower-bait.yaml",
        "company-centric.yaml",
        "vanity-kpi.yaml",
    }
    for file in files:
        pack = load_pack(file)
        assert pack.rules or pack.cues or pack.rewrites


def test_valid_user_pack(write: Callable[..., Path]) -> None:
    (rule,) = load_pack(write("pack.yaml", VALID)).rules
    assert rule.id == "my-rule" and rule.params["attr"] == "LEMMA"
    assert rule.line == 2


@pytest.mark.parametrize(
    ("old", "new", "complaint"),
    [
        ("kind: phrases", "kind: regexes", "kind: 'regexes' is not a rule kind"),
        ("level: warning", "level: fatal", "level: expected one of"),
        ("      phrases: {en: [act now]}", "      phrases: {en: []}", "params.phrases: [en] expected a non-empty list"),
        ("      phrases: {en: [act now]}", "      phrases: {ja: [今だけ]}", "no entry for language 'en'"),
        (
            "      phrases: {en: [act now]}",
            "      phrases: {en: [act now]}\n      colour: red",
            "params.colour: unknown option",
        ),
        ("    rationale: Because.\n", "", "rationale: expected a non-empty string"),
        ("    level: warning", "    level: warning\n    severity: high", "unknown key `severity`"),
        ("  - id: my-rule", "  - id: My Rule", "must be lower-case words"),
        (
            "    languages: [en]",
            "    languages: [en]\n    groups: [ads]",
            "groups: expected a list of promotional or insight",
        ),
    ],
)
def test_schema_errors_name_file_rule_and_option(
    write: Callable[..., Path], old: str, new: str, complaint: str
) -> None:
    path = write("pack.yaml", VALID.replace(old, new))
    with pytest.raises(RuleError) as info:
        load_pack(path)
    assert complaint in info.value.message
    assert info.value.path == str(path)
    if "id: My Rule" not in new:
        assert "`my-rule`" in info.value.message
    assert info.value.line == 2


def test_duplicate_ids_in_one_pack(write: Callable[..., Path]) -> None:
    rule = VALID.split("rules:\n", 1)[1]
    with pytest.raises(RuleError, match="defined twice"):
        load_pack(write("pack.yaml", VALID + rule))


def test_broken_yaml_pack(write: Callable[..., Path]) -> None:
    with pytest.raises(RuleError, match="invalid YAML") as info:
        load_pack(write("pack.yaml", "rules:\n  - id: [broken\n"))
    assert info.value.line is not None


def test_a_rationale_in_several_languages(write: Callable[..., Path]) -> None:
    text = VALID.replace("    rationale: Because.\n", "    rationale:\n      en: Because.\n      ja: なぜなら。\n")
    (rule,) = load_pack(write("pack.yaml", text)).rules
    assert rule.rationale == "Because." and rule.rationales == {"en": "Because.", "ja": "なぜなら。"}
    with pytest.raises(RuleError, match=r"rationale: .*\[ja\]"):
        load_pack(write("bad.yaml", text.replace("ja: なぜなら。", "ja: ''")))


def test_every_default_rule_explains_itself_in_english_japanese_and_chinese() -> None:
    for file in default_pack_files():
        for rule in load_pack(file).rules:
            assert set(rule.rationales) == {"en", "ja", "zh"}, (file.name, rule.id)
            assert rule.rationale == rule.rationales["en"]


def test_a_parsed_pack_is_kept_and_a_changed_or_corrupt_entry_is_not_trusted(tmp_path: Path) -> None:
    from contentlint.cache import Cache

    store = Cache(tmp_path / "packs")
    path = tmp_path / "mine.yaml"
    path.write_text(VALID, encoding="utf-8")
    first = load_pack(path, store)
    (entry,) = (tmp_path / "packs").rglob("*.json")
    assert load_pack(path, store) == first == load_pack(path) and store.hits == 1
    path.write_text(VALID.replace("act now", "order today"), encoding="utf-8")
    assert load_pack(path, store).rules[0].params["phrases"] == {"en": ["order today"]}
    entry.write_text('{"format": 1, "key": "x", "data": {}}', encoding="utf-8")  # a foreign entry: parsed again
    path.write_text(VALID, encoding="utf-8")
    assert load_pack(path, store) == first
    path.write_text("rules: [oops", encoding="utf-8")
    with pytest.raises(RuleError):
        load_pack(path, store)


def test_a_rule_limited_to_promotional_posts(write: Callable[..., Path]) -> None:
    (rule,) = load_pack(
        write("pack.yaml", VALID.replace("    languages: [en]", "    languages: [en]\n    groups: promotional"))
    ).rules
    assert rule.groups == ("promotional",)
    assert rule.applies_to_group(0.9) and rule.applies_to_group(0.55)  # promotional, or leaning that way
    assert not rule.applies_to_group(0.45) and not rule.applies_to_group(0.1)  # more likely insight: not ad copy
    assert rule.applies_to_group(None)  # no classification: read it
    (every,) = load_pack(write("every.yaml", VALID)).rules
    assert every.applies_to_group(0.0) and every.applies_to_group(None)
