"""Speed and memory of contentlint, as ratios against floors measured on the same machine in the same run.

    python bench/run.py [--small 1000] [--large 10000] [--repeat 3] [--write]

Generates en, ja and zh posts of about 500 words from the project's corpus, then measures:
  - one file, cold (no cache)          vs  python -c "import spacy"     target: <= floor + 0.3 s
  - the samples, all cache hits        vs  python -c pass               target: <= 0.3 s
  - warm throughput, one process        posts/s for --small and --large  target: >= 150 posts/s per core (en)
  - peak RSS of `check`, --large vs --small                              target: <= 1.2x
  - --small files: cold run vs unchanged rerun (cache)                   target: >= 20x faster
Nothing here is asserted; `--write` records the numbers in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
WORDS_PER_POST = 500


def wall(cmd: list[str], repeat: int, env: dict[str, str] | None = None) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO, env=env, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_rss_mb(cmd: list[str]) -> float:
    code = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
        "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code, *cmd], capture_output=True, text=True, cwd=REPO)
    return int(out.stdout.strip()) / 1024  # Linux reports KiB


def long_posts(lang: str | None, n: int) -> list[tuple[str, str, str]]:
    """(lang, title, body) of about WORDS_PER_POST words (ja, zh: 3 characters a word), from the corpus."""
    from contentlint.nlp.corpus import read_corpora

    records = sorted((r for r in read_corpora([REPO / "corpus"]) if lang is None or r.lang == lang), key=lambda r: r.id)
    if lang is None:  # alternate en and ja, so that every size loads both pipelines
        en = [r for r in records if r.lang == "en"]
        ja = [r for r in records if r.lang == "ja"]
        records = [r for pair in zip(en, ja, strict=False) for r in pair]
    out = []
    for i in range(n):
        first = records[i % len(records)]
        body, j = [], i
        while True:
            r = records[j % len(records)] if records[j % len(records)].lang == first.lang else first
            body.append(r.body)
            text = "\n\n".join(body)
            size = len(text.split()) if first.lang == "en" else len(text) // 3
            if size >= WORDS_PER_POST:
                break
            j += 7
        out.append((first.lang, first.title, text))
    return out


def write_files(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i, (lang, title, body) in enumerate(long_posts(None, n)):
        safe = title.replace('"', "'").replace("\\", "/")
        (folder / f"post-{i:05d}.md").write_text(f'---\ntitle: "{safe}"\nlang: {lang}\n---\n{body}\n', encoding="utf-8")


def warm(lang: str | None, n: int) -> float:
    from contentlint.checks.engine import RuleSet
    from contentlint.checks.pack import load_packs
    from contentlint.lint import lint
    from contentlint.nlp.corpus import Record, record_post
    from contentlint.packfiles import default_pack_files

    posts = [
        record_post(Record(f"b{i}", lg, "howto", "pre", title, body, "", "", ""))
        for i, (lg, title, body) in enumerate(long_posts(lang, n))
    ]
    ruleset = RuleSet.from_book(load_packs(default_pack_files()))
    for _ in lint(posts[:20], lambda _p: ruleset):
        pass  # load pipelines, compile rules: the timed part is a warm process
    start = time.perf_counter()
    count = sum(1 for _ in lint(posts, lambda _p: ruleset))
    return count / (time.perf_counter() - start)


def memory(small_n: int, large_n: int) -> str:
    """Peak RSS of `check --no-cache --jobs 1` on ``large_n`` generated files against ``small_n``."""
    cli = [sys.executable, "-m", "contentlint"]
    with tempfile.TemporaryDirectory() as tmp:
        small, large = Path(tmp) / "small", Path(tmp) / "large"
        write_files(small, small_n)
        write_files(large, large_n)
        rss_small = peak_rss_mb([*cli, "check", str(small), "--no-cache", "--jobs", "1"])
        rss_large = peak_rss_mb([*cli, "check", str(large), "--no-cache", "--jobs", "1"])
    return (
        f"peak RSS, {large_n} vs {small_n} files: {rss_large:.0f} / {rss_small:.0f} MB = {rss_large / rss_small:.2f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write", action="store_true", help="record the results in bench/RESULTS.md")
    parser.add_argument("--memory", action="store_true", help="only the peak RSS of --large vs --small files")
    args = parser.parse_args()
    if args.memory:
        print(memory(args.small, args.large))
        return
    py, cli = sys.executable, [sys.executable, "-m", "contentlint"]
    rows: list[tuple[str, str, str, str]] = []
    floor_pass = wall([py, "-c", "pass"], args.repeat)
    floor_spacy = wall([py, "-c", "import spacy"], args.repeat)
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        one = wall([*cli, "check", "--no-cache", "samples/en/office-sale.md"], args.repeat)
        rows.append(
            (
                "one file, cold (pre-commit)",
                f"{one:.2f} s",
                f"floor {one - floor_spacy:+.2f} s ({one / floor_spacy:.2f}x import spacy)",
                "<= floor + 0.3 s",
            )
        )
        cache = tmpdir / "cache"
        posts = ["samples/en", "samples/ja"]  # calendars are always re-read, so they are left out here
        subprocess.run([*cli, "check", *posts, "--cache-dir", str(cache)], cwd=REPO, capture_output=True)
        hit = wall([*cli, "check", *posts, "--cache-dir", str(cache)], args.repeat)
        rows.append(
            (
                "the 12 sample posts, every file a cache hit",
                f"{hit:.2f} s",
                f"{hit / floor_pass:.1f}x python -c pass ({floor_pass:.3f} s)",
                "<= 0.3 s",
            )
        )
        for lang, n in (("en", args.small), (None, args.small), ("zh", args.small), ("en", args.large)):
            rate = warm(lang, n)
            rows.append(
                (
                    f"warm, 1 process, {n} posts of ~{WORDS_PER_POST} words ({lang or 'en+ja'})",
                    f"{rate:.0f} posts/s",
                    "",
                    ">= 150 posts/s (en)",
                )
            )
        small, large = tmpdir / "small", tmpdir / "large"
        write_files(small, args.small)
        write_files(large, args.large)
        rss_small = peak_rss_mb([*cli, "check", str(small), "--no-cache", "--jobs", "1"])
        rss_large = peak_rss_mb([*cli, "check", str(large), "--no-cache", "--jobs", "1"])
        rows.append(
            (
                f"peak RSS, {args.large} vs {args.small} files",
                f"{rss_large:.0f} / {rss_small:.0f} MB",
                f"{rss_large / rss_small:.2f}x",
                "<= 1.2x",
            )
        )
        rerun_cache = tmpdir / "rerun-cache"
        cold = wall([*cli, "check", str(small), "--cache-dir", str(rerun_cache), "--jobs", "1"], 1)
        rerun = wall([*cli, "check", str(small), "--cache-dir", str(rerun_cache), "--jobs", "1"], args.repeat)
        rows.append(
            (
                f"{args.small} files: cold vs unchanged rerun",
                f"{cold:.1f} s / {rerun:.2f} s",
                f"{cold / rerun:.0f}x faster",
                ">= 20x",
            )
        )
    header = (
        f"floors: python -c pass {floor_pass:.3f} s; python -c 'import spacy' {floor_spacy:.3f} s\n"
        f"machine: {platform.platform()}, {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}; {dt.date.today().isoformat()}"
    )
    table = [
        "| measurement | value | ratio | target |",
        "|---|---|---|---|",
        *[f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows],
    ]
    print(header)
    print("\n".join(table))
    if args.write:
        from sections import write_section

        text = [
            "## Throughput, memory, cache",
            "",
            "Measured by `python bench/run.py --write` (see the script's docstring).",
            "",
            header.replace("\n", "  \n"),
            "",
            *table,
        ]
        write_section("run", "\n".join(text))


if __name__ == "__main__":
    main()
