"""The docs site builds with `mkdocs build --strict` (as CI runs it) and holds what it promises: a page per rule of
the shipped packs, the model card, the module map, the home page and quick start in three languages; README.md
stays short and points at it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.helpers import REPO

DOCS = REPO / "docs"
TRANSLATED = ("index.md", "quickstart.md")


def pack_rule_ids() -> list[str]:
    ids = []
    for path in sorted((REPO / "rules").glob("*.yaml")):
        ids += [rule["id"] for rule in yaml.safe_load(path.read_text(encoding="utf-8")).get("rules") or []]
    return ids


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--config-file",
            str(REPO / "mkdocs.yml"),
            "--site-dir",
            str(out),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert proc.returncode == 0, proc.stderr
    return out


def text_of(page: Path) -> str:
    """A built page's text without its tags, the way a reader sees it."""
    return re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8"))


def test_every_rule_of_the_shipped_packs_has_a_generated_page(site: Path) -> None:
    ids = pack_rule_ids()
    assert len(ids) >= 30 and len(set(ids)) == len(ids)
    index = (site / "rules/index.html").read_text(encoding="utf-8")
    for rule_id in ids:
        page = site / "rules" / rule_id / "index.html"
        assert page.is_file(), rule_id
        assert f'href="{rule_id}/"' in index, rule_id
    hard_sell = text_of(site / "rules/hard-sell/index.html")
    # its message in each language, its why, a phrase it looks for and an example it flags, all from the pack
    assert "Hard-sell pressure" in hard_sell and "売り込みの圧力" in hard_sell and "强行推销" in hard_sell
    assert "limited time only" in hard_sell and "Not flagged" in hard_sell


def test_channels_and_the_linkedin_checklist_come_from_the_packs(site: Path) -> None:
    channels = text_of(site / "rules/channels/index.html")
    assert re.search(r"xiaohongshu\s*title-length\s*warning\s*at most 20 characters in the title", channels)
    profile = text_of(site / "rules/linkedin-profile/index.html")
    assert "recent activity / 最近の活動" in profile and "in the last 30 days" in profile


def test_the_model_card_page_includes_the_card_train_wrote(site: Path) -> None:
    card = (REPO / "contentlint/models/MODEL_CARD.md").read_text(encoding="utf-8")
    title = card.split("\n", 1)[0].lstrip("# ").strip()
    page = text_of(site / "model-card/index.html")
    assert title in page
    for heading in re.findall(r"^## (.+)$", card, re.MULTILINE):
        assert heading.strip() in page, heading


def test_the_module_map_lists_every_module_of_the_package(site: Path) -> None:
    page = text_of(site / "architecture/modules/index.html")
    for path in (REPO / "contentlint").rglob("*.py"):
        assert path.name in page and f"{path.parent.relative_to(REPO).as_posix()}/" in page, path
    architecture = text_of(site / "architecture/index.html")
    assert "Layers and import contracts" in architecture and "ARCHITECTURE.md" in architecture
    layers = text_of(site / "architecture/layers/index.html")
    assert "import-linter" in layers and "Module map" in layers  # ARCHITECTURE.md, included


def test_home_and_quick_start_exist_in_japanese_and_chinese(site: Path) -> None:
    for lang, word in (("ja", "クイックスタート"), ("zh", "快速上手")):
        for page in TRANSLATED:
            assert (DOCS / lang / page).is_file()
            built = site / lang / page.replace(".md", "").replace("index", "") / "index.html"
            assert word in text_of(built), built
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'hreflang="ja"' in home and 'hreflang="zh"' in home


def test_only_the_translations_are_left_out_of_the_navigation() -> None:
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)

    def pages(entries: list[object]) -> set[str]:
        found: set[str] = set()
        for entry in entries:
            value = next(iter(entry.values())) if isinstance(entry, dict) else entry
            found |= pages(value) if isinstance(value, list) else {str(value)}
        return found

    listed = pages(config["nav"])
    written = {path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md")}
    assert written - listed == {f"{lang}/{page}" for lang in ("ja", "zh") for page in TRANSLATED}
    generated = {"rules/index.md", "rules/channels.md", "architecture/modules.md"}
    assert listed - written == generated


def test_readme_is_short_and_its_links_resolve() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 300
    targets = re.findall(r"\]\(((?!https?:)[^)#]+)(?:#[^)]*)?\)", readme)
    assert sum(target.startswith("docs/") for target in targets) >= 20
    for target in targets:
        assert (REPO / target).exists(), target


def test_the_pre_commit_snippet_is_the_same_in_readme_and_docs() -> None:
    """tests/test_pre_commit.py runs README's snippet; the docs page must show that same, tested one."""
    pattern = re.compile(r"```yaml\n(# \.pre-commit-config\.yaml\n.*?)```", re.S)
    readme = pattern.findall((REPO / "README.md").read_text(encoding="utf-8"))
    docs = pattern.findall((DOCS / "pre-commit.md").read_text(encoding="utf-8"))
    assert len(readme) == 1 and docs == readme


def test_docs_install_from_a_clone_or_git_never_from_an_index() -> None:
    """No package index serves contentlint: every install line in the docs names a path or Git (as README's)."""
    installs = []
    for path in DOCS.rglob("*.md"):
        code = "\n".join(re.findall(r"```(?:sh|yaml)\n(.*?)```", path.read_text(encoding="utf-8"), re.S))
        installs += [m.group(1) for m in re.finditer(r"pip install ((?:\"[^\"]*\"|\S)+)", code)]
    assert len(installs) >= 5
    assert [spec for spec in installs if re.fullmatch(r"[\"']?contentlint(\[[^\]]*\])?[\"']?", spec)] == []
