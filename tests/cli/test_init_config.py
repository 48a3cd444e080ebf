from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from contentlint.cli import main
from contentlint.config import load_config


def test_init_writes_a_commented_config_that_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["init"]) == 0
    text = (tmp_path / ".contentlint.yaml").read_text(encoding="utf-8")
    assert text.count("#") > 10 and "fail_under: 60" in text
    config = load_config(tmp_path / ".contentlint.yaml")
    assert config.fail_level == "warning" and config.target == "80-20"
    assert main(["init"]) == 2  # refuses to overwrite
    assert main(["init", "--force"]) == 0


def test_config_show_merges_the_nearest_file_and_path_overrides(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".contentlint.yaml").write_text(
        "language: ja\nrules: {company-centric: off}\noverrides:\n  - files: ['drafts/**']\n"
        "    rules: {hard-sell: info}\n",
        encoding="utf-8",
    )
    (tmp_path / "drafts").mkdir()
    draft = tmp_path / "drafts" / "a.md"
    draft.write_text("x", encoding="utf-8")
    assert main(["config", "--show", str(draft)]) == 0
    shown = yaml.safe_load(capsys.readouterr().out)
    assert shown["language"] == "ja" and shown["config_file"] == str(tmp_path / ".contentlint.yaml")
    assert shown["rules"] == {"company-centric": "off", "hard-sell": "info"}
    monkeypatch.chdir(tmp_path)
    assert main(["config", "--show"]) == 0
    assert yaml.safe_load(capsys.readouterr().out)["rules"] == {"company-centric": "off"}


def test_init_brief_writes_a_commented_brief_that_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["init", "--brief"]) == 0
    text = (tmp_path / ".contentlint.yaml").read_text(encoding="utf-8")
    assert "# Brand brief" in text and "fail_under: 60" in text
    (product,) = load_config(tmp_path / ".contentlint.yaml").brief.products
    assert product.name == "Ledgerly" and product.jobs[0] == "close the month in two days"
    assert main(["init", "--brief"]) == 2  # it has one already


def test_init_brief_adds_a_brief_to_a_config_without_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".contentlint.yaml").write_text("language: ja\n", encoding="utf-8")
    assert main(["init", "--brief"]) == 0
    config = load_config(tmp_path / ".contentlint.yaml")
    assert config.language == "ja" and config.brief.products[0].name == "Ledgerly"
