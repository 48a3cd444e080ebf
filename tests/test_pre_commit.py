"""The hook in .pre-commit-hooks.yaml, run by pre-commit itself with the README's own snippet.

pre-commit installs a hook from a commit of its repository, so the tests commit a snapshot of this working tree
(changes not yet committed included) and point the README's config at it; every test shares one snapshot and one
pre-commit home, so the hook's environment is built once.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.helpers import PROMO_JA, REPO

PROMO_EN = "---\ntitle: Spring sale\n---\nEverything is 30% off. Buy now — limited time only!\n"
INSIGHT_EN = (
    "---\ntitle: How to read a churn chart\n---\nYour churn chart hides two different problems. This guide "
    "shows you, step by step, how to separate customers who leave in their first month from those who "
    "leave after a year.\n\n## Split the curve\n\n1. Export sign-up and cancellation dates.\n2. Group "
    "customers by month.\n\n## Read the two drops\n\nCustomers who leave in the first month never reached "
    "the moment the product paid off for them (see [the onboarding checklist](https://example.com/onboarding)"
    "); customers who leave after a year have new needs. Treat them as two problems, each with its own answer.\n"
)

# A Hugo site as it is committed: site config, data, i18n, section pages, a redirect stub and one helpful post.
HUGO_SITE = {
    "config.yaml": "baseURL: https://example.org/\nlanguageCode: en-us\ntitle: Churn notes\n"
    "params:\n  description: Notes on reading customer data\nmenu:\n  main:\n"
    "    - {name: Blog, url: /posts/, weight: 1}\n",
    "data/authors.yaml": "ana:\n  name: Ana Ruiz\n  bio: Writes about subscription analytics.\n",
    "data/social.yaml": "- {name: Mastodon, url: 'https://example.org/@ana'}\n",
    "i18n/en.yaml": "- id: readMore\n  translation: Read more\n",
    "content/_index.md": "---\ntitle: Churn notes\n---\n",
    "content/posts/_index.md": "---\ntitle: Posts\nmenu: main\n---\n",
    "content/posts/churn-curves.md": "---\nredirect: /posts/how-to-read-a-churn-chart/\n---\n",
    "content/posts/how-to-read-a-churn-chart.md": INSIGHT_EN,
}

# pre-commit builds the hook's environment with pip, which downloads contentlint's dependencies.
pytestmark = [
    pytest.mark.slow,
    pytest.mark.network,
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]


def readme_config() -> dict[str, Any]:
    """The `.pre-commit-config.yaml` snippet of README.md, parsed."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(# \.pre-commit-config\.yaml\n.*?)```", readme, re.S)
    assert len(blocks) == 1, "README.md should show one .pre-commit-config.yaml snippet"
    config = yaml.safe_load(blocks[0])
    assert isinstance(config, dict) and len(config["repos"]) == 1
    return config


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A one-commit copy of this working tree (tracked and new files, as they are now) and its commit SHA."""
    snapshot = tmp_path_factory.mktemp("contentlint-snapshot")
    listed = git(REPO, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file():  # a file deleted but not yet staged is listed and absent
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    git(snapshot, "init", "-q")
    git(snapshot, "add", "-A")
    git(snapshot, "commit", "-q", "-m", "snapshot")
    return snapshot, git(snapshot, "rev-parse", "HEAD")


@pytest.fixture(scope="module")
def pre_commit_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("pre-commit-home")
    return {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}


def content_repo(root: Path, files: dict[str, str]) -> Path:
    root.mkdir()
    git(root, "init", "-q")
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    git(root, "add", "-A")
    return root


def pre_commit(cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900
    )


def test_readme_snippet_pins_no_tag_that_does_not_exist() -> None:
    rev = str(readme_config()["repos"][0]["rev"])
    if re.fullmatch(r"v?\d+(\.\d+)*", rev):  # a version tag must have been published
        assert git(REPO, "tag", "--list", rev) == rev, f"README pins `rev: {rev}`, which is not a tag"
    else:  # a full commit SHA, or a placeholder for one that the text below the snippet explains
        assert re.fullmatch(r"[0-9a-f]{40}|<[^>]*commit SHA>", rev), rev


def test_try_repo_fails_on_promotional_drafts_and_passes_on_insight(
    tmp_path: Path, hook_repo: tuple[Path, str], pre_commit_env: dict[str, str]
) -> None:
    hook_id = readme_config()["repos"][0]["hooks"][0]["id"]
    content = content_repo(
        tmp_path / "content", {"promo-en.md": PROMO_EN, "promo-ja.md": PROMO_JA, "insight.md": INSIGHT_EN}
    )

    def try_repo(*files: str) -> subprocess.CompletedProcess[str]:
        return pre_commit(content, pre_commit_env, "try-repo", str(hook_repo[0]), hook_id, "--files", *files)

    failing = try_repo("promo-en.md", "promo-ja.md")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "promo-en.md:4:24: warning [hard-sell]" in failing.stdout
    assert "promo-ja.md:4:13: warning [hard-sell]" in failing.stdout
    # require_serial: one contentlint process saw both files
    assert failing.stdout.count("problems (") == 1 and "in 2 files, 2 posts" in failing.stdout
    passing = try_repo("insight.md")
    assert passing.returncode == 0, passing.stdout + passing.stderr


def test_readme_config_passes_on_a_hugo_site_and_still_catches_a_sales_post(
    tmp_path: Path, hook_repo: tuple[Path, str], pre_commit_env: dict[str, str]
) -> None:
    config = readme_config()
    config["repos"][0].update(repo=str(hook_repo[0]), rev=hook_repo[1])  # where and which commit: the snapshot
    config_text = yaml.safe_dump(config, sort_keys=False)
    site = content_repo(tmp_path / "site", {**HUGO_SITE, ".pre-commit-config.yaml": config_text})

    passing = pre_commit(site, pre_commit_env, "run", "--all-files")
    assert passing.returncode == 0, passing.stdout + passing.stderr
    assert re.search(r"^contentlint\.+Passed$", passing.stdout, re.M), passing.stdout

    (site / "content/posts/spring-sale.md").write_text(PROMO_EN, encoding="utf-8")
    git(site, "add", "-A")
    failing = pre_commit(site, pre_commit_env, "run", "--all-files")
    assert failing.returncode == 1, failing.stdout + failing.stderr
    assert "content/posts/spring-sale.md:4:24: warning [hard-sell]" in failing.stdout
    # every other file of the site: read and passed over, or linted and clean
    reported = {line.split(":", 1)[0] for line in failing.stdout.splitlines() if re.match(r"\S+:\d+:\d+: ", line)}
    assert reported == {"content/posts/spring-sale.md"}, failing.stdout
