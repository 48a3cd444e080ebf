"""A post in a language contentlint cannot read is an input error naming the file (exit 2), in the interface
language; the other files are still linted, and `lang:` or `--lang` overrides detection."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from contentlint.cli import main

KOREAN = (
    "---\ntitle: 엑셀 통계로 사용자 행동 이해하기\n---\n\n"
    "엑셀의 피벗 테이블을 사용하면 월간 보고서를 몇 분 만에 만들 수 "
    "있습니다. 고객의 행동 데이터를 분석하여 어떤 기능이 가장 많이 사용되는지 알아보세요.\n"
)
FRENCH = (
    "---\ntitle: Comprendre le comportement des utilisateurs avec Excel\n---\n\nLes tableaux croisés dynamiques "
    "d'Excel permettent de préparer un rapport mensuel en quelques minutes. Analysez les données de vos clients "
    "pour savoir quelles fonctions ils utilisent le plus souvent, et pourquoi.\n"
)
SALE = "---\ntitle: Spring sale\n---\nEverything is 30% off. Buy now — limited time only!\n"
MESSAGES = {"en": "language contentlint cannot analyse", "ja": "解析できません", "zh": "无法分析"}


def test_korean_and_french_posts_are_input_errors_and_the_rest_is_linted(
    write: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ko, fr, sale = write("ko.md", KOREAN), write("fr.md", FRENCH), write("sale.md", SALE)
    assert main(["check", "--no-cache", "--no-config", "--format", "json", str(tmp_path)]) == 2
    report = json.loads(capsys.readouterr().out)
    errors = {f["path"]: f for f in report["findings"] if f["rule"] == "input-error"}
    assert set(errors) == {str(ko), str(fr)}
    assert all(MESSAGES["en"] in f["message"] and f["line"] == 2 for f in errors.values())
    assert [p["path"] for p in report["posts"]] == [str(sale)]
    assert any(f["rule"] == "hard-sell" and f["path"] == str(sale) for f in report["findings"])


@pytest.mark.parametrize("ui", ["en", "ja", "zh"])
def test_the_error_speaks_the_interface_language(
    write: Callable[..., Path], ui: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("ko.md", KOREAN)
    assert main(["check", "--no-cache", "--no-config", "--ui-lang", ui, str(path)]) == 2
    line = next(line for line in capsys.readouterr().out.splitlines() if "[input-error]" in line)
    assert line.startswith(f"{path}:2:1: error [input-error] ") and MESSAGES[ui] in line


def test_declared_language_is_not_second_guessed(
    write: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """`--lang en` (or `lang:` in front matter) is the writer's word: the post is analysed as English."""
    path = write("fr.md", FRENCH)
    code = main(["check", "--no-cache", "--no-config", "--lang", "en", "--format", "json", str(path)])
    report = json.loads(capsys.readouterr().out)
    assert code in (0, 1) and [p["lang"] for p in report["posts"]] == ["en"]
    assert not any(f["rule"] == "input-error" for f in report["findings"])
