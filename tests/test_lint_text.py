"""contentlint.lint_text: a document's text linted as if it were at a path (what the language server runs)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from contentlint import lint_text
from contentlint.config import Config, RuleOverride

SALE = "---\ntitle: Spring sale, buy now\n---\nOur new product is on sale. Buy now: 30% off everything.\n"
CALM = "---\ntitle: Closing the books in two days\n---\nHow our customers close the month faster.\n"


def rules(text: str, path: Path | str, **kwargs: object) -> list[tuple[str, int, int]]:
    result = lint_text(text, path=path, **kwargs)  # type: ignore[arg-type]
    return [(f.rule_id, f.line, f.column) for f in result.findings]


def test_the_text_is_linted_not_the_file(write: Callable[..., Path]) -> None:
    path = write("post.md", CALM)
    found = rules(SALE, path)
    assert ("hard-sell", 2, 21) in found
    assert "hard-sell" not in {r for r, _l, _c in rules(CALM, write("other.md", SALE))}


def test_a_path_that_does_not_exist_is_fine(tmp_path: Path) -> None:
    result = lint_text(SALE, path=tmp_path / "drafts" / "new.md")
    assert {f.path for f in result.findings} == {str(tmp_path / "drafts" / "new.md")}
    assert result.posts[0].label == "sale"


def test_the_nearest_config_above_the_path_governs_it(write: Callable[..., Path]) -> None:
    write("blog/.contentlint.yaml", "rules: {hard-sell: off}\n")
    assert "hard-sell" in {r for r, _l, _c in rules(SALE, write("other/post.md", ""))}
    assert "hard-sell" not in {r for r, _l, _c in rules(SALE, write("blog/2026/post.md", ""))}


def test_a_config_object_is_used_as_given(write: Callable[..., Path]) -> None:
    write("blog/.contentlint.yaml", "rules: {hard-sell: off}\n")
    config = Config(rules={"promo-without-outcome": RuleOverride(enabled=False)})
    found = {r for r, _l, _c in rules(SALE, write("blog/post.md", ""), config=config)}
    assert "hard-sell" in found and "promo-without-outcome" not in found


def test_the_suffix_decides_the_format_and_lang_the_default_language(tmp_path: Path) -> None:
    yaml_post = "title: 春のセール\nbody: 今すぐ購入してください。\n"
    result = lint_text(yaml_post, path=tmp_path / "post.yaml")
    assert [(f.rule_id, f.line) for f in result.findings if f.rule_id == "hard-sell"] == [("hard-sell", 2)]
    assert lint_text("Plain words here.\n", path=tmp_path / "p.md", lang="ja").posts[0].lang == "ja"


def test_broken_input_is_a_finding_not_an_exception(tmp_path: Path) -> None:
    result = lint_text("---\ntitle: [unclosed\n---\nBody.\n", path=tmp_path / "post.md")
    assert [f.rule_id for f in result.findings] == ["input-error"]
    assert result.exit_code() == 2
