"""Speed and memory of contentlint, as ratios against floors measured on the same machine in the same run.

    python bench/run.py [--repeat 5] [--posts 400]

Floors: `python -c pass` (starting Python) and `python -c "import spacy"` (starting Python and importing spaCy).
Reported: a one-file pre-commit style run and the samples run as multiples of the spaCy floor; warm
throughput in posts per second (one process, one core); peak memory of a run over 1x, 2x and 4x as many
files, to show whether memory stays flat as the corpus grows. Nothing here is asserted: it is a measurement.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def wall(cmd: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_rss_mb(cmd: list[str]) -> float:
    """Peak resident memory of a child process (Linux reports KiB)."""
    code = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
            "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, *cmd], capture_output=True, text=True, cwd=REPO)
    return int(out.stdout.strip()) / 1024


def write_posts(folder: Path, n: int) -> None:
    from contentlint.corpus import read_corpora

    records = _interleaved(read_corpora([REPO / "corpus"]))
    for i in range(n):
        r = records[i % len(records)]
        title = r.title.replace('"', "'")
        (folder / f"post-{i:05d}.md").write_text(f'---\ntitle: "{title}"\nlang: {r.lang}\n---\n{r.body}\n',
                                                 encoding="utf-8")


def _interleaved(records: list) -> list:
    """en and ja records alternating, so every run loads both pipelines and sizes differ only in count."""
    en = [r for r in records if r.lang == "en"]
    ja = [r for r in records if r.lang == "ja"]
    return [r for pair in zip(en, ja) for r in pair]


def warm_throughput(n: int) -> dict[str, float]:
    from contentlint.corpus import read_corpora, record_post
    from contentlint.lint import lint
    from contentlint.rules.engine import RuleSet
    from contentlint.rules.pack import default_pack_files, load_packs

    records = _interleaved(read_corpora([REPO / "corpus"]))
    posts = [record_post(records[i % len(records)]) for i in range(n)]
    ruleset = RuleSet.from_book(load_packs(default_pack_files()))
    list(lint(posts[:20], lambda _p: ruleset))  # load pipelines and compile rules first: we time a warm process
    start = time.perf_counter()
    count = sum(1 for _ in lint(posts, lambda _p: ruleset))
    elapsed = time.perf_counter() - start
    chars = sum(len(p.text) for p in posts)
    return {"posts": count, "seconds": round(elapsed, 3), "posts_per_second": round(count / elapsed, 1),
            "chars_per_post": round(chars / count)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--posts", type=int, default=400)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    py = sys.executable
    cli = [py, "-m", "contentlint"]
    one_file = "samples/en/office-sale.md"
    results: dict[str, object] = {}
    floor_python = wall([py, "-c", "pass"], args.repeat)
    floor_spacy = wall([py, "-c", "import spacy"], args.repeat)
    results["floor_python_s"] = round(floor_python, 3)
    results["floor_import_spacy_s"] = round(floor_spacy, 3)
    for name, cmd in {"rules (no spaCy)": [*cli, "rules"],
                      "check one file (pre-commit)": [*cli, "check", one_file],
                      "check samples/": [*cli, "check", "samples/"],
                      "classify samples/": [*cli, "classify", "samples/"]}.items():
        t = wall(cmd, args.repeat)
        results[name] = {"seconds": round(t, 3), "x_import_spacy": round(t / floor_spacy, 2)}
    results["warm"] = warm_throughput(args.posts)
    with tempfile.TemporaryDirectory() as tmp:
        memory = {}
        for factor in (1, 2, 4):
            folder = Path(tmp) / f"x{factor}"
            folder.mkdir()
            write_posts(folder, args.posts * factor)
            memory[f"{args.posts * factor} files"] = round(peak_rss_mb([*cli, "check", str(folder)]), 1)
        results["peak_rss_mb"] = memory
    results["floor_rss_import_spacy_mb"] = round(peak_rss_mb([py, "-c", "import spacy"]), 1)
    results["cpu"] = os.cpu_count()
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"floors: python {floor_python:.3f}s, import spacy {floor_spacy:.3f}s "
          f"({results['floor_rss_import_spacy_mb']} MB)")
    for name, value in results.items():
        if isinstance(value, dict) and "x_import_spacy" in value:
            print(f"{name:<28} {value['seconds']:>7.3f}s  = {value['x_import_spacy']:.2f} x import spacy")
    warm = results["warm"]
    print(f"warm check, 1 process: {warm['posts_per_second']} posts/s "  # type: ignore[index]
          f"({warm['posts']} posts, {warm['chars_per_post']} chars each on average)")  # type: ignore[index]
    print("peak memory of `check`: " + ", ".join(f"{k}: {v} MB" for k, v in memory.items()))


if __name__ == "__main__":
    main()
