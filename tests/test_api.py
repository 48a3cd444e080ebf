"""The public API in contentlint/__init__.py: its signatures are a promise (changing one breaks callers, so this
test must be changed with a note in the changelog), and each function does what its docstring says."""

from __future__ import annotations

import dataclasses
import inspect
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import contentlint
from contentlint import Classification, Evidence, classify_text, lint_paths, lint_text
from contentlint.config import Config, RuleOverride

SALE = "---\ntitle: Spring sale, buy now\n---\nOur new product is on sale. Buy now: 30% off everything.\n"
HOWTO = (
    "---\ntitle: How to read a churn chart\n---\nYour churn chart hides two different problems. This guide "
    "shows you, step by step, how to separate customers who leave in their first month from those who leave "
    "after a year.\n\n1. Export sign-up and cancellation dates.\n2. Group customers by the month they joined.\n"
)

SIGNATURES = {
    "lint_text": "(text: 'str', *, path: 'str | os.PathLike[str]' = '<text>', lang: 'str | None' = None, "
    "config: 'Config | None' = None, ui_lang: 'str' = 'en') -> 'Result'",
    "lint_paths": "(paths: 'Iterable[str | os.PathLike[str]]', *, config: 'Config | None' = None, "
    "jobs: 'int' = 1) -> 'Result'",
    "classify_text": "(text: 'str', *, lang: 'str | None' = None) -> 'Classification'",
}


@pytest.mark.parametrize("name", sorted(SIGNATURES))
def test_the_signatures_are_stable(name: str) -> None:
    function = getattr(contentlint, name)
    assert str(inspect.signature(function)) == SIGNATURES[name]
    assert function.__doc__ and name in contentlint.__all__


def test_the_classification_fields_are_stable() -> None:
    assert [f.name for f in dataclasses.fields(Classification)] == [
        "label",
        "group",
        "stage",
        "confidence",
        "lang",
        "evidence",
    ]
    assert [f.name for f in dataclasses.fields(Evidence)] == ["text", "line", "column", "cue"]


def test_importing_contentlint_does_not_import_spacy() -> None:
    code = "import sys, contentlint; print(contentlint.lint_text.__name__, 'spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["lint_text", "False"]


def test_lint_text_without_a_path_is_markdown_named_text() -> None:
    result = lint_text(SALE, config=Config())
    assert {f.path for f in result.findings} == {"<text>"} and result.exit_code() == 1
    assert any(f.rule_id == "hard-sell" for f in result.findings) and result.posts[0].excerpt


def test_lint_paths_is_check_and_the_same_with_workers(write: Callable[..., Path], tmp_path: Path) -> None:
    for i in range(3):
        write(f"posts/sale-{i}.md", SALE.replace("Spring", f"Spring {i}"))
    write("posts/howto.md", HOWTO)
    config = Config(rules={"promo-without-outcome": RuleOverride(enabled=False)})
    one = lint_paths([tmp_path / "posts"], config=config)
    two = lint_paths([str(tmp_path / "posts")], config=config, jobs=2)
    assert one.files == two.files == 4 and one.findings == two.findings and one.posts == two.posts
    assert {f.rule_id for f in one.findings} >= {"hard-sell"} and "promo-without-outcome" not in {
        f.rule_id for f in one.findings
    }


def test_classify_text_says_what_a_post_is_and_why() -> None:
    sale = classify_text(SALE)
    assert (sale.group, sale.stage, sale.lang) == ("promotional", "at", "en") and 0 < sale.confidence <= 1
    assert sale.evidence and all(e.line >= 1 and e.column >= 1 for e in sale.evidence)
    lines = SALE.split("\n")
    for e in sale.evidence:  # each piece of evidence is where it says it is, in the text as given
        assert lines[e.line - 1][e.column - 1 :].startswith(e.text), e
    assert classify_text("今すぐ購入。全品30%オフ！", lang=None).lang == "ja"


@pytest.mark.parametrize("text", ["", "엑셀 통계로 사용자 행동 이해하기. 고객의 행동 데이터를 분석하여 보세요."])
def test_classify_text_refuses_what_it_cannot_classify(text: str) -> None:
    with pytest.raises(ValueError):
        classify_text(text)


def test_lint_text_reports_config_errors_in_the_interface_language(tmp_path: Path) -> None:
    config = tmp_path / ".contentlint.yaml"
    config.write_text("rules: {no-such-rule: off}\n", encoding="utf-8")
    post = tmp_path / "post.md"
    (english,) = [f.message for f in lint_text(SALE, path=post).findings if f.fatal]
    (japanese,) = [f.message for f in lint_text(SALE, path=post, ui_lang="ja").findings if f.fatal]
    assert english == "rules: unknown rule id `no-such-rule` (see `contentlint rules`)"
    assert japanese == "rules：`no-such-rule` というルールはありません（`contentlint rules` で一覧を確認できます）"
