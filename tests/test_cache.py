"""The result cache: same output from a hit, spaCy not even imported, corrupt entries rebuilt."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Callable

from tests.conftest import REPO

POSTS = {
    "blog/a.md": "---\ntitle: Sale\ndate: 2026-01-05\nkpi: followers\n---\nBuy now! Limited time only.\n",
    "blog/b.md": "---\ntitle: 今だけ半額\ndate: 2026-01-12\n---\n<!-- contentlint-disable-next-line hard-sell -->\n"
                 "今だけ半額セール。\n",
    "blog/c.yaml": "title: How to read a churn chart\ndate: 2026-01-19\nbody: |\n  Your churn chart hides two "
                   "problems. This guide shows you, step by step, how to separate them.\n",
}


def contentlint(args: list[str], cache: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    code = ("import sys; from contentlint.cli import main; code = main(sys.argv[1:]); "
            "print('SPACY' if 'spacy' in sys.modules else 'NO-SPACY', file=sys.stderr); sys.exit(code)")
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-c", code, *args, "--cache-dir", str(cache)], cwd=cwd, env=env,
                          capture_output=True, text=True)


def test_hits_give_identical_output_without_importing_spacy(write: Callable[..., Path], tmp_path: Path) -> None:
    for name, text in POSTS.items():
        write(name, text)
    cache = tmp_path / "cache"
    for fmt in ("text", "json"):
        first = contentlint(["check", "blog", "--format", fmt], cache, tmp_path)
        second = contentlint(["check", "blog", "--format", fmt], cache, tmp_path)
        assert first.returncode == second.returncode == 1
        assert first.stdout == second.stdout
        assert "feed" in first.stdout and "vanity-kpi" in first.stdout
        assert first.stderr.strip().endswith("SPACY") and second.stderr.strip().endswith("NO-SPACY")
    assert len(list(cache.glob("??/*.json"))) == 3  # one entry per file, the same for both formats


def test_a_changed_file_misses_and_corrupt_entries_are_rebuilt(write: Callable[..., Path], tmp_path: Path) -> None:
    post = write("blog/a.md", POSTS["blog/a.md"])
    cache = tmp_path / "cache"
    contentlint(["check", str(post)], cache, tmp_path)
    (entry,) = cache.glob("??/*.json")
    entry.write_text("{not json", encoding="utf-8")
    again = contentlint(["check", str(post)], cache, tmp_path)
    assert again.stderr.strip().endswith("SPACY") and "[hard-sell]" in again.stdout
    assert entry.read_text(encoding="utf-8").startswith("{")  # rebuilt
    post.write_text(POSTS["blog/a.md"].replace("Buy now!", "Shop now!"), encoding="utf-8")
    changed = contentlint(["check", str(post)], cache, tmp_path)
    assert "“Shop now”" in changed.stdout and changed.stderr.strip().endswith("SPACY")


def test_no_cache_writes_nothing(write: Callable[..., Path], tmp_path: Path) -> None:
    post = write("a.md", POSTS["blog/a.md"])
    cache = tmp_path / "cache"
    contentlint(["check", str(post), "--no-cache"], cache, tmp_path)
    assert not cache.exists()


def test_samples_report_is_the_same_from_the_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = contentlint(["check", "samples/", "--format", "json"], cache, REPO)
    second = contentlint(["check", "samples/", "--format", "json"], cache, REPO)
    assert first.stdout == second.stdout and first.returncode == second.returncode


def test_a_full_hit_imports_no_other_command_and_parses_no_rule_pack(write: Callable[..., Path],
                                                                      tmp_path: Path) -> None:
    """The pre-commit case: a hit on every file runs without the other commands' modules, the user-template
    sandbox, the CSV reader, and without parsing the rule packs' YAML again (their parsed form is cached)."""
    post = write("blog/a.md", POSTS["blog/a.md"])
    cache = tmp_path / "cache"
    code = ("import sys, contentlint.yamlsafe as y; parsed = []; load = y.load_yaml\n"
            "def counting(text, path, *a, **k):\n    parsed.append(path); return load(text, path, *a, **k)\n"
            "y.load_yaml = counting\n"
            "import contentlint.rules.pack as p; p.load_yaml = counting\n"
            "from contentlint.cli import main; code = main(sys.argv[1:])\n"
            "late = ['spacy', 'contentlint.cli.serve', 'contentlint.cli.train', 'contentlint.cli.classify', "
            "'contentlint.cli.explain', 'jinja2.sandbox', 'csv', 'statistics', 'markdown_it']\n"
            "print(sorted(m for m in late if m in sys.modules), len(parsed), "
            "file=sys.stderr); sys.exit(code)")
    runs = [subprocess.run([sys.executable, "-c", code, "check", str(post), "--cache-dir", str(cache)], cwd=tmp_path,
                           env={**os.environ, "NO_COLOR": "1"}, capture_output=True, text=True) for _ in range(2)]
    assert runs[0].returncode == runs[1].returncode == 1 and runs[0].stdout == runs[1].stdout
    assert "[hard-sell]" in runs[1].stdout
    first, second = (r.stderr.strip().splitlines()[-1] for r in runs)
    assert "'spacy'" in first and not first.endswith(" 0")  # the first run analysed and parsed the packs
    assert second == "[] 0", second
