"""Saving a brief into `.contentlint.yaml`: only `brief:` changes, the rest of the file (comments too) stays."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from contentlint.brief import parse_brief
from contentlint.config import load_config
from contentlint.errors import ConfigError
from contentlint.web.brief_file import BriefFile, replace_brief

LEDGERLY = parse_brief(
    {
        "audiences": ["small-business owners"],
        "products": [
            {
                "name": "Ledgerly",
                "aliases": ["ledgerly app"],
                "jobs": ["close the month in two days"],
                "proof": ["a photographer claimed back $1,900: receipts, found"],
            }
        ],
    }
)
CONFIG = """\
# our team's settings
language: en   # most posts are English

brief:
  # the old brief
  products:
    - {name: Oldname, jobs: [do a thing]}

# the gate
fail_under: 70
rules:
  vanity-kpi: off
"""


def test_only_the_brief_changes_and_comments_around_it_stay() -> None:
    new = replace_brief(CONFIG, LEDGERLY)
    assert new is not None
    before, after = CONFIG.split("brief:")[0], CONFIG.split("# the gate")[1]
    assert new.startswith(before) and new.endswith("# the gate" + after)
    assert "Oldname" not in new and "# the old brief" not in new
    data = yaml.safe_load(new)
    assert {k: v for k, v in data.items() if k != "brief"} == {
        "language": "en",
        "fail_under": 70,
        "rules": {"vanity-kpi": False},
    }
    assert parse_brief(data["brief"]) == LEDGERLY  # the comma in $1,900 stays inside its item


@pytest.mark.parametrize("text", ["", "# only a comment\n", "language: ja", "language: ja\n# last words\n"])
def test_a_config_without_a_brief_gets_one_at_the_end(text: str) -> None:
    new = replace_brief(text, LEDGERLY)
    assert new is not None and new.startswith(text)
    assert parse_brief(yaml.safe_load(new)["brief"]) == LEDGERLY


def test_an_empty_brief_key_and_a_brief_in_the_middle() -> None:
    new = replace_brief("brief:\nlanguage: en\n", LEDGERLY)
    assert new is not None and new.endswith("language: en\n")
    assert parse_brief(yaml.safe_load(new)["brief"]) == LEDGERLY


def test_a_flow_style_config_cannot_be_edited_in_place() -> None:
    assert replace_brief("{language: en, brief: {products: []}}\n", LEDGERLY) is None


def test_save_writes_atomically_keeps_line_endings_and_checks_with_the_loader(tmp_path: Path) -> None:
    path = tmp_path / ".contentlint.yaml"
    path.write_bytes(CONFIG.replace("\n", "\r\n").encode())
    os.chmod(path, 0o600)
    BriefFile(path, tmp_path).save(LEDGERLY)
    raw = path.read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    assert raw.startswith(b"# our team's settings\r\nlanguage: en   # most posts are English\r\n")
    assert load_config(path).brief == LEDGERLY and load_config(path).fail_under == 70
    assert os.stat(path).st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == [".contentlint.yaml"]  # no temporary file left


def test_a_flow_style_config_is_rewritten_whole(tmp_path: Path) -> None:
    path = tmp_path / ".contentlint.yaml"
    path.write_text("{language: en, fail_under: 70}\n", encoding="utf-8")
    BriefFile(path, tmp_path).save(LEDGERLY)
    config = load_config(path)
    assert config.brief == LEDGERLY and config.language == "en" and config.fail_under == 70


def test_a_new_config_is_created_in_the_working_folder(tmp_path: Path) -> None:
    found = BriefFile.for_server(None, True, tmp_path)
    assert found is not None and found.path == tmp_path / ".contentlint.yaml" and not found.path.exists()
    found.save(LEDGERLY)
    assert load_config(found.path).brief == LEDGERLY
    assert BriefFile.for_server(None, False, tmp_path) is None  # --no-config: nothing to save into


def test_the_nearest_config_upward_is_the_one_edited(tmp_path: Path) -> None:
    (tmp_path / ".contentlint.yaml").write_text("language: en\n", encoding="utf-8")
    (tmp_path / "blog").mkdir()
    found = BriefFile.for_server(None, True, tmp_path / "blog")
    assert found is not None and found.path == tmp_path / ".contentlint.yaml" and found.folder == tmp_path


def test_a_link_to_a_file_elsewhere_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("language: en\n", encoding="utf-8")
    (tmp_path / "project").mkdir()
    link = tmp_path / "project" / ".contentlint.yaml"
    link.symlink_to(outside)
    with pytest.raises(ConfigError, match="link or lies outside the project folder"):
        BriefFile(link, tmp_path / "project").save(LEDGERLY)
    assert outside.read_text(encoding="utf-8") == "language: en\n"


def test_a_save_that_would_break_the_config_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / ".contentlint.yaml"
    path.write_text("language: en\nfail_under: 900\n", encoding="utf-8")  # already refused by the loader
    with pytest.raises(ConfigError, match="fail_under"):
        BriefFile(path, tmp_path).save(LEDGERLY)
    assert path.read_text(encoding="utf-8") == "language: en\nfail_under: 900\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".contentlint.yaml"]
