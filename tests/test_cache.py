"""The result cache: same output from a hit, spaCy not even imported, corrupt entries rebuilt."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import REPO

POSTS = {
    "blog/a.md": "---\ntitle: Sale\ndate: 2026-01-05\nkpi: followers\n---\nBuy now! Limited time only.\n",
    "blog/b.md": "---\ntitle: 今だけ半額\ndate: 2026-01-12\n---\n<!-- contentlint-disable-next-line hard-sell -->\n"
    "今だけ半額セール。\n",
    "blog/c.yaml": "title: How to read a churn chart\ndate: 2026-01-19\nbody: |\n  Your churn chart hides two "
    "problems. This guide shows you, step by step, how to separate them.\n",
}


def contentlint(args: list[str], cache: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    code = (
        "import sys; from contentlint.cli import main; code = main(sys.argv[1:]); "
        "print('SPACY' if 'spacy' in sys.modules else 'NO-SPACY', file=sys.stderr); sys.exit(code)"
    )
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-c", code, *args, "--cache-dir", str(cache)], cwd=cwd, env=env, capture_output=True, text=True
    )


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


@pytest.mark.parametrize(
    ("args", "shows"),
    [
        (["check", "samples/", "--format", "json"], '"path": "samples/calendar.yaml"'),
        # The HTML report's timeline shows each calendar entry's title, which a hit must bring back too.
        (["report", "samples/", "--format", "html"], "release/at · New version on sale now: Excel 2026 is here"),
        # One post and no feed: a hit builds no rule set, yet SARIF lists every rule the config runs.
        (["check", "samples/en/office-sale.md", "--format", "sarif"], '"id": "low-confidence"'),
    ],
)
def test_samples_report_is_the_same_from_the_cache(args: list[str], shows: str, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = contentlint(args, cache, REPO)
    second = contentlint(args, cache, REPO)
    assert first.stdout == second.stdout and first.returncode == second.returncode
    assert shows in second.stdout


def _in_process(args: list[str]) -> tuple[int, str]:
    from tests.helpers import run

    code, out, _err = run(args)
    return code, out


@pytest.mark.parametrize(
    "entry",
    [
        '{"posts": "x", "findings": [], "feed": [], "suppressions": null}',
        '{"posts": [], "findings": [42], "feed": [], "suppressions": null}',
        '{"posts": [], "findings": [{"path": 1, "line": "x"}], "feed": [], "suppressions": null}',
        '{"posts": [{"rewrites": {"headlines": 5}}], "findings": [], "feed": [], "suppressions": null}',
        '{"posts": [], "findings": [], "feed": [{"date": "9999-99-99"}], "suppressions": null}',
        '{"posts": [], "findings": [], "feed": [], "suppressions": [1, 2]}',
        "[1, 2, 3]",
    ],
)
def test_an_entry_of_any_wrong_shape_is_rebuilt(entry: str, write: Callable[..., Path], tmp_path: Path) -> None:
    post = write("blog/a.md", POSTS["blog/a.md"])
    cache = tmp_path / "cache"
    first = _in_process(["check", str(post), "--cache-dir", str(cache)])
    (stored,) = [p for p in cache.rglob("*.json") if not {"packs", "rules"} & set(p.relative_to(cache).parts)]
    key = stored.stem
    body = entry if entry.startswith("[") else entry[:-1] + f', "format": 1, "key": "{key}"}}'
    stored.write_text(body, encoding="utf-8")
    assert _in_process(["check", str(post), "--cache-dir", str(cache)]) == first
    assert json.loads(stored.read_text(encoding="utf-8"))["posts"][0]["path"] == str(post)  # rebuilt


def _post(i: int, lang: str) -> str:
    if lang == "ja":
        return (
            f"---\ntitle: 今だけ半額 {i}\ndate: 2026-02-{i % 28 + 1:02d}\n---\n"
            "今だけ半額セール。弊社の新製品をご購入ください。\n"
        )
    if i % 3 == 0:
        return (
            f"---\ntitle: How to read churn, part {i}\ndate: 2026-01-{i % 28 + 1:02d}\nkpi: followers\n---\n"
            "Your churn chart hides two problems. This guide shows you how to separate them.\n"
        )
    return f"---\ntitle: Spring sale {i}\ndate: 2026-01-{i % 28 + 1:02d}\n---\nBuy now! Our new product is 30% off.\n"


CONFIGS = [
    "",
    "fail_level: error\n",
    "language: ja\n",
    "rules: {hard-sell: off}\n",
    "rules: {hard-sell: error}\n",
    "overrides:\n  - files: ['a-drafts/**']\n    rules: {hard-sell: off}\n",
    "overrides:\n  - files: ['z-archive/**']\n    rules: {hard-sell: off, vanity-kpi: error}\n",
    "overrides:\n  - files: ['a-drafts/**']\n    rules: {promo-without-outcome: off}\n"
    "  - files: ['z-archive/**']\n    rules: {hard-sell: info}\n",
    "target: 4-1-1\n",
    "fail_under: 95\n",
    "tolerance: 0.3\n",
    "max_file_bytes: 120\n",
    "max_yaml_depth: 1\n",
    "include: ['*.md']\nexclude: ['z-archive']\n",
    "packs: [pack.yaml]\n",
    "packs: [pack.yaml]\n",  # the same config with the pack's contents changed
]
PACK = (
    "rules:\n  - id: house-word\n    kind: phrases\n    level: {level}\n    languages: [en]\n"
    "    message: {{en: 'House word: {{match}}'}}\n    rationale: r\n    params:\n      phrases: {{en: [{word}]}}\n"
)


def test_cached_runs_equal_uncached_runs_as_config_overrides_and_packs_change(
    write: Callable[..., Path], tmp_path: Path
) -> None:
    for i in range(12):
        write(f"a-drafts/p{i:03d}.md", _post(i, "ja" if i % 4 == 3 else "en"))
        write(f"z-archive/p{i:03d}.md", _post(i + 1, "en"))
    cache = tmp_path / "cache"
    paths = [str(tmp_path / "a-drafts"), str(tmp_path / "z-archive")]
    options = [["--fail-level", "info"], ["--lang", "en"], ["--target", "thirds"], ["--format", "html"]]
    runs = [(config, []) for config in CONFIGS] + [(CONFIGS[0], extra) for extra in options]
    for n, (config, extra) in enumerate(runs):
        write(".contentlint.yaml", config)
        changed = n == len(CONFIGS) - 1  # the last config runs again with the pack's contents changed
        write("pack.yaml", PACK.format(level="error" if changed else "warning", word="churn" if changed else "sale"))
        args = ["check", *paths, "--format", "json", *extra]
        cached = _in_process([*args, "--cache-dir", str(cache)])
        assert cached == _in_process([*args, "--no-cache"]), (config, extra)
    assert len(list(cache.rglob("*.json"))) > 24


def test_the_key_follows_what_a_config_says_not_which_object_it_is(write: Callable[..., Path], tmp_path: Path) -> None:
    from contentlint.config import Config, RuleOverride
    from contentlint.run import Runner, RunOptions
    from contentlint.sources.target import Target

    post = write("a.md", POSTS["blog/a.md"])
    runner = Runner(RunOptions(cache_dir=tmp_path / "cache"))
    target = Target(str(post), post, True)
    quiet = Config(rules={"hard-sell": RuleOverride(enabled=False)})
    key_quiet, address = runner._cache_lookup(target, quiet)[1], id(quiet)
    del quiet
    # Short-lived Config objects (one per file with `overrides`) reuse freed addresses: make one that does.
    for _ in range(10_000):
        plain = Config()
        if id(plain) == address:
            break
    assert runner._cache_lookup(target, plain)[1] != key_quiet
    assert runner._cache_lookup(target, Config(rules={"hard-sell": RuleOverride(enabled=False)}))[1] == key_quiet


def test_a_full_hit_imports_no_other_command_and_parses_no_rule_pack(
    write: Callable[..., Path], tmp_path: Path
) -> None:
    """The pre-commit case: a hit on every file runs without the other commands' modules, the user-template
    sandbox, the CSV reader, the rules, the analysis, the readers' parsers and the rewrite machinery (a hit builds
    no rule set; the reports' description of the rules is cached beside the results), and without parsing the
    rule packs' YAML again."""
    post = write("blog/a.md", POSTS["blog/a.md"])
    cache = tmp_path / "cache"
    code = (
        "import sys, contentlint.yamlsafe as y; parsed = []; load = y.load_yaml\n"
        "def counting(text, path, *a, **k):\n    parsed.append(path); return load(text, path, *a, **k)\n"
        "y.load_yaml = counting\n"  # the rule packs' module, imported later, takes the counting one
        "from contentlint.cli import main; code = main(sys.argv[1:])\n"
        "late = ['spacy', 'contentlint.cli.serve', 'contentlint.cli.train', 'contentlint.cli.classify', "
        "'contentlint.cli.explain', 'jinja2.sandbox', 'csv', 'statistics', 'markdown_it', "
        "'contentlint.checks.pack', 'contentlint.checks.engine', 'contentlint.analysis.analyser', "
        "'contentlint.sources.post', 'contentlint.rewrite.forms']\n"
        "print(sorted(m for m in late if m in sys.modules), len(parsed), "
        "file=sys.stderr); sys.exit(code)"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", code, "check", str(post), "--cache-dir", str(cache)],
            cwd=tmp_path,
            env={**os.environ, "NO_COLOR": "1"},
            capture_output=True,
            text=True,
        )
        for _ in range(2)
    ]
    assert runs[0].returncode == runs[1].returncode == 1 and runs[0].stdout == runs[1].stdout
    assert "[hard-sell]" in runs[1].stdout
    first, second = (r.stderr.strip().splitlines()[-1] for r in runs)
    assert "'spacy'" in first and not first.endswith(" 0")  # the first run analysed and parsed the packs
    assert second == "[] 0", second


def test_the_rules_kept_for_hits_are_read_back_and_a_broken_entry_is_not() -> None:
    from dataclasses import asdict

    from contentlint.cache import dump_rule_infos, load_rule_infos
    from contentlint.result import RuleInfo

    infos = [RuleInfo("hard-sell", "warning", "Why.", "pattern", {"ja": "理由。"}, "https://docs.example/rules/x/")]
    assert load_rule_infos(json.loads(json.dumps(dump_rule_infos(infos)))) == infos
    for broken in (None, {}, {"rules": 5}, {"rules": [{"id": 1}]}, {"rules": [{**asdict(infos[0]), "id": 7}]}):
        assert load_rule_infos(broken) is None, broken
