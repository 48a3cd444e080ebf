"""Where the time of a `contentlint check` goes, stage by stage, in CPU seconds (issue #19).

    python bench/stages.py [--posts 200] [--write]

The stages are timed in one process on the posts bench/peers.py lints (same seed), each stage the way `check`
runs it, with CPU time (time.process_time), which other work on a shared machine moves far less than wall time.
The start-up stages are separate processes: `python -c pass`, the imports of `contentlint check`, `import spacy`;
and, in the process that holds the loaded pipelines, one forked worker's start (wall time). Nothing is asserted;
--write records the breakdown in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from peers import child_env, write_posts  # noqa: E402
from sections import write_section  # noqa: E402


def child_cpu(code: str, repeat: int = 3) -> float:
    """Median CPU seconds of ``python -c code``."""
    times = []
    for _ in range(repeat):
        proc = subprocess.Popen([sys.executable, "-c", code], cwd=REPO, env=child_env())
        _pid, _status, usage = os.wait4(proc.pid, 0)
        times.append(usage.ru_utime + usage.ru_stime)
    return sorted(times)[len(times) // 2]


class Clock:
    def __init__(self) -> None:
        self.spent: dict[str, float] = defaultdict(float)

    def time(self, stage: str, fn, *args):  # type: ignore[no-untyped-def]
        start = time.process_time()
        try:
            return fn(*args)
        finally:
            self.spent[stage] += time.process_time() - start


def _apply(proc: Any, docs: list[Any], batch_size: int) -> list[Any]:
    """One pipeline component over every doc (in batches where the component has ``pipe``)."""
    run = getattr(proc, "pipe", None)
    return list(run(docs, batch_size=batch_size) if run else map(proc, docs))


def worker_start(repeat: int = 5) -> float:
    """Wall seconds from asking a fresh pool of one forked worker for a trivial task until its answer is back, in a
    process that holds the loaded pipelines and rules (what `check --jobs N` pays per worker before its first file)."""
    import multiprocessing
    import statistics
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
            pool.submit(os.getpid).result()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def stages(folder: Path) -> dict[str, float]:
    """CPU seconds per stage for linting every file in ``folder`` in this process, as `check --jobs 1` does."""
    import spacy  # noqa: F401

    from contentlint.cli.check import command  # noqa: F401 - the imports are timed separately
    from contentlint.config import ConfigResolver
    from contentlint.nlp import pipeline
    from contentlint.nlp.classifier import DEFAULT_CUE_WEIGHT, classify
    from contentlint.nlp.cues import CueMatcher
    from contentlint.report.text import write_text
    from contentlint.rewrite.extract import extract
    from contentlint.rewrite.forms import build
    from contentlint.run import Runner, RunOptions
    from contentlint.sources.discover import discover
    from contentlint.sources.load import load_target

    clock = Clock()
    resolver = ConfigResolver(None, True)
    runner = Runner(RunOptions(jobs=1))
    posts = []
    for target in discover([str(folder)], resolver):
        config = runner.effective(runner._config_for(target))
        ruleset = clock.time("rule packs: load and check", runner.ruleset, config)
        posts.extend(
            clock.time(
                "read and parse (front matter, Markdown, source map)", load_target, target, config, None, None, None
            ).posts
        )
    lang = posts[0].lang
    nlp = clock.time("model load", pipeline.load, lang)
    clock.time("matchers: compile", ruleset.checkers, lang)
    cues = clock.time("matchers: compile", CueMatcher, nlp, lang, ruleset.analyser.cues)
    weight = float(nlp.meta.get("contentlint", {}).get("cue_weight", DEFAULT_CUE_WEIGHT))
    texts = [pipeline.linear_text(lang, p.text) for p in posts]
    docs = [clock.time("tokenisation", nlp.make_doc, t) for t in texts]
    for name, proc in nlp.pipeline:
        stage = "classification (textcat model)" if "textcat" in name else f"pipeline: {name}"
        docs = clock.time(stage, _apply, proc, docs, pipeline.BATCH_SIZE)
    by_rule: dict[str, float] = defaultdict(float)
    for post, doc in zip(posts, docs, strict=True):
        matches = clock.time("cue matching", cues, doc)
        result = clock.time("classification (cues + scores)", classify, doc.cats, matches, weight)
        if result.group == "promotional":
            forms = ruleset.analyser.rewrite_forms
            clock.time("rewrites", lambda p, d, m, f: build(extract(p, d, m), f, p.lang), post, doc, matches, forms)
        from contentlint.analysis import Analysis

        analysis = Analysis(post, doc, result, matches)
        for rule, checker in ruleset.checkers(lang):
            start = time.process_time()
            list(checker.check(analysis))
            by_rule[rule.id] += time.process_time() - start
    clock.spent["rule matching (all rules)"] = sum(by_rule.values())
    result = Runner(RunOptions(jobs=1)).run([str(folder)])
    clock.time("rendering (text report)", write_text, result, io.StringIO())
    clock.spent["worker start: fork with the pipelines loaded, first task back (wall s, median of 5)"] = worker_start()
    top = sorted(by_rule.items(), key=lambda kv: -kv[1])[:3]
    clock.spent["  of which " + ", ".join(f"{k} {v:.2f}" for k, v in top)] = 0.0
    return dict(clock.spent)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=200)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    interpreter = child_cpu("pass")
    imports = child_cpu("import contentlint.cli.check") - interpreter
    spacy_import = child_cpu("import spacy") - interpreter
    lean_import = child_cpu("from contentlint.nlp.lean_spacy import import_spacy; import_spacy()") - interpreter
    start_lines = [
        f"| interpreter start (`python -c pass`) | {interpreter:.2f} | |",
        f"| imports of `contentlint check` (without spaCy) | {imports:.2f} | |",
        f"| `import spacy` (the floor of the cold rows) | {spacy_import:.2f} | |",
        f"| spaCy as contentlint imports it, without `spacy.cli` (in every process that analyses a post) "
        f"| {lean_import:.2f} | |",
    ]
    tables = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in ("en", "ja"):
            folder = Path(tmp) / lang
            write_posts(folder, lang, args.posts)
            out = subprocess.run(
                [sys.executable, __file__, "--stages", str(folder)],
                capture_output=True,
                text=True,
                cwd=REPO,
                check=True,
                env=child_env(),
            ).stdout
            tables.append((lang, out))
    rows = ["| stage | CPU s | |", "|---|---|---|", *start_lines]
    for lang, out in tables:
        rows.append(f"| **{args.posts} {lang} posts, one process** | | |")
        rows.extend(line for line in out.splitlines() if line.startswith("|"))
    text = "\n".join(["## Where the time goes (CPU seconds, `python bench/stages.py --write`)", "", *rows])
    print(text)
    if args.write:
        write_section("profile", text)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--stages":
        for stage, seconds in sorted(stages(Path(sys.argv[2])).items(), key=lambda kv: -kv[1]):
            print(f"| {stage} | {seconds:.2f} | |" if seconds else f"| {stage} | | |")
    else:
        main()
