"""contentlint against the linters people already run, on the same machine, interleaved (issue #19).

    python bench/peers.py [--posts 200] [--repeat 3] [--peers DIR] [--write]

Installs the peers once into DIR (default: <tmp>/contentlint-bench-peers, reused by later runs):
  - npm `textlint`, `textlint-rule-preset-ja-technical-writing`, `textlint-rule-preset-japanese` with a
    .textlintrc.json that enables both presets;
  - pip `proselint` into its own venv.
Generates --posts English and --posts Japanese Markdown posts of 350-890 words (Japanese: 3 characters count as a
word) from the project's corpus with a fixed seed, so every run lints the same bytes. Each case runs --repeat times,
the commands of one case one after the other (contentlint, then its peers), rounds interleaved, and the median is
kept. Wall time is what a user waits; CPU time (user + system of the process and its children) is what the machine
spent, and moves less when other work shares the machine. Nothing is asserted; --write records the table in
bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from sections import write_section  # noqa: E402

SEED = 19
NPM_PACKAGES = ["textlint", "textlint-rule-preset-ja-technical-writing", "textlint-rule-preset-japanese"]
TEXTLINTRC = {"rules": {"preset-ja-technical-writing": True, "preset-japanese": True}}


@dataclass
class Timing:
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def median_wall(self) -> float:
        return statistics.median(self.wall)

    def median_cpu(self) -> float:
        return statistics.median(self.cpu)


def timed(cmd: list[str], cwd: Path, env: dict[str, str], allowed: tuple[int, ...] = (0, 1)) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process tree) of one run; a crash (an exit code outside ``allowed``)
    stops the bench, so that a broken peer never looks fast."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in allowed:
        raise SystemExit(f"{' '.join(cmd[:4])} ... exited {proc.returncode}:\n{err.decode(errors='replace')[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime


# -- the peers -------------------------------------------------------------------------------------------------


def install_peers(folder: Path) -> tuple[list[str], list[str]]:
    """The textlint and proselint commands, installed into ``folder`` unless already there."""
    node = folder / "node"
    textlint = node / "node_modules" / ".bin" / "textlint"
    if not textlint.exists():
        node.mkdir(parents=True, exist_ok=True)
        (node / "package.json").write_text('{"name": "contentlint-bench-peers", "private": true}\n')
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", *NPM_PACKAGES], cwd=node, check=True)
    (node / ".textlintrc.json").write_text(json.dumps(TEXTLINTRC, indent=2) + "\n")
    venv = folder / "proselint-venv"
    proselint = venv / "bin" / "proselint"
    if not proselint.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "proselint"], check=True)
    return ([str(textlint), "--config", str(node / ".textlintrc.json")], [str(proselint), "check"])


def peer_versions(folder: Path) -> str:
    node = folder / "node" / "node_modules"
    versions = [f"{name} {json.loads((node / name / 'package.json').read_text())['version']}" for name in NPM_PACKAGES]
    pip = subprocess.run(
        [str(folder / "proselint-venv" / "bin" / "pip"), "show", "proselint"], capture_output=True, text=True
    ).stdout
    versions += [f"proselint {line.split()[-1]}" for line in pip.splitlines() if line.startswith("Version:")]
    return ", ".join(versions)


# -- the posts -------------------------------------------------------------------------------------------------


def _size(lang: str, text: str) -> int:
    return len(text.split()) if lang == "en" else len(text) // 3


def synthetic_posts(lang: str, n: int, seed: int = SEED) -> list[tuple[str, str]]:
    """(title, body) of 350-890 words each, paragraphs drawn from the corpus with a fixed seed."""
    from contentlint.nlp.corpus import read_corpora

    records = sorted((r for r in read_corpora([REPO / "corpus" / lang]) if r.lang == lang), key=lambda r: r.id)
    paragraphs = [p.strip() for r in records for p in r.body.split("\n\n") if p.strip()]
    rng = random.Random(f"{seed}-{lang}")
    posts = []
    for _ in range(n):
        target = rng.randint(350, 890)
        body: list[str] = []
        while _size(lang, "\n\n".join(body)) < target:
            body.append(rng.choice(paragraphs))
        posts.append((rng.choice(records).title, "\n\n".join(body)))
    return posts


def write_posts(folder: Path, lang: str, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, (title, body) in enumerate(synthetic_posts(lang, n)):
        path = folder / f"{lang}-{i:04d}.md"
        safe = title.replace('"', "'").replace("\\", "/")
        path.write_text(f'---\ntitle: "{safe}"\nlang: {lang}\n---\n\n{body}\n', encoding="utf-8")
        paths.append(path)
    return paths


# -- the run ---------------------------------------------------------------------------------------------------

Run = tuple[str, list[str], Path, dict[str, str]]  # (who, command, folder, environment)


def child_env(source: Path | None = None) -> dict[str, str]:
    """The environment of the timed commands: bytecode is written and reused, as an installed package has it
    (a shell with PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module on every run); with ``source``,
    contentlint is imported from that folder (an older checkout, to compare before and after)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if source is not None:
        env["PYTHONPATH"] = str(source)
    return env


def build_cases(tmpdir: Path, n: int, peers: Path, before: Path | None) -> list[tuple[str, list[Run]]]:
    textlint, proselint = install_peers(peers)
    node = peers / "node"
    en = write_posts(tmpdir / "en", "en", n)
    ja = write_posts(tmpdir / "ja", "ja", n)
    small = tmpdir / "small"
    small.mkdir()
    for path in en[:100]:
        (small / path.name).write_bytes(path.read_bytes())
    env, py = child_env(), sys.executable

    def ours(*args: str, cache: str | None = None) -> list[Run]:
        runs = []
        for who, source in (("contentlint", None), ("before", before)):
            if who == "before" and source is None:
                continue
            extra = ["--cache-dir", str(tmpdir / f"cache-{who}")] if cache else ["--no-cache"]
            # run from the checkout's folder: `python -m` puts the working folder first on sys.path
            runs.append((who, [py, "-m", "contentlint", "check", *extra, *args], source or REPO, child_env(source)))
        return runs

    for _who, cmd, cwd, run_env in ours(str(en[0]), cache="hit"):  # the cache-hit case starts from a full cache
        subprocess.run(cmd, cwd=cwd, env=run_env, capture_output=True)
    return [
        (f"{n} English posts", [*ours(str(tmpdir / "en")), ("proselint", [*proselint, *map(str, en)], tmpdir, env)]),
        (f"{n} Japanese posts", [*ours(str(tmpdir / "ja")), ("textlint", [*textlint, *map(str, ja)], node, env)]),
        (
            "one English file, cold (pre-commit)",
            [
                *ours(str(en[0])),
                ("import spacy", [py, "-c", "import spacy"], REPO, env),
                ("proselint", [*proselint, str(en[0])], tmpdir, env),
            ],
        ),
        ("one Japanese file, cold", [*ours(str(ja[0])), ("textlint", [*textlint, str(ja[0])], node, env)]),
        (
            "one file, result-cache hit",
            [*ours(str(en[0]), cache="hit"), ("proselint", [*proselint, str(en[0])], tmpdir, env)],
        ),
        (
            "100 English posts, --jobs 0 (auto)",
            [
                *ours(str(small)),
                ("--jobs 1", [py, "-m", "contentlint", "check", "--no-cache", "--jobs", "1", str(small)], REPO, env),
            ],
        ),
    ]


def ratio_text(ours: float, theirs: float, who: str) -> str:
    if who == "import spacy":
        return f"floor + {ours - theirs:.2f} s"
    return f"{theirs / ours:.1f}x faster" if ours < theirs else f"{ours / theirs:.2f}x {who}"


def table(cases: list[tuple[str, list[Run]]], timings: dict[tuple[str, str], Timing]) -> list[str]:
    has_before = any(who == "before" for _name, runs in cases for who, *_rest in runs)
    head = (
        "| case | contentlint | "
        + ("before | " if has_before else "")
        + "peer | ratio | "
        + ("ratio before | " if has_before else "")
        + "CPU s: contentlint / "
        + ("before / " if has_before else "")
        + "peer |"
    )
    rows = [head, "|" + "---|" * (head.count("|") - 1)]
    for name, runs in cases:
        ours = timings[(name, "contentlint")]
        before = timings.get((name, "before"))
        for who, *_rest in runs:
            if who in ("contentlint", "before"):
                continue
            theirs = timings[(name, who)]
            cells = [name, f"{ours.median_wall():.2f} s"]
            if before is not None:
                cells.append(f"{before.median_wall():.2f} s")
            cells += [f"{who} {theirs.median_wall():.2f} s", ratio_text(ours.median_wall(), theirs.median_wall(), who)]
            if before is not None:
                cells.append(ratio_text(before.median_wall(), theirs.median_wall(), who))
            cpu = [ours.median_cpu(), *([before.median_cpu()] if before else []), theirs.median_cpu()]
            cells.append(" / ".join(f"{c:.2f}" for c in cpu))
            rows.append("| " + " | ".join(cells) + " |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=200, help="posts per language")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--peers", type=Path, default=Path(tempfile.gettempdir()) / "contentlint-bench-peers")
    parser.add_argument("--before", type=Path, help="a folder holding an older contentlint/ to time beside this one")
    parser.add_argument("--write", action="store_true", help="record the table in bench/RESULTS.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cases = build_cases(Path(tmp), args.posts, args.peers, args.before)
        timings: dict[tuple[str, str], Timing] = {}
        for _name, runs in cases:  # once untimed: bytecode, disk cache and a crashing peer are out of the way
            for _who, cmd, cwd, env in runs:
                timed(cmd, cwd, env)
        for _round in range(args.repeat):
            for name, runs in cases:
                for who, cmd, cwd, env in runs:
                    wall, cpu = timed(cmd, cwd, env)
                    timing = timings.setdefault((name, who), Timing())
                    timing.wall.append(wall)
                    timing.cpu.append(cpu)
    load = os.getloadavg()
    header = (
        f"Measured by `python bench/peers.py --write`: {args.posts} posts per language, median of "
        f"{args.repeat} interleaved rounds, `--no-cache` except the cache-hit case"
        + (f", `before` imported from {args.before.name}/" if args.before else "")
        + ".  \n"
        f"machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"load average at the end {load[0]:.1f}; peers: {peer_versions(args.peers)}"
    )
    text = "\n".join(["## Against the peers (issue #19)", "", header, "", *table(cases, timings)])
    print(text)
    if args.write:
        write_section("peers", text)


if __name__ == "__main__":
    main()
