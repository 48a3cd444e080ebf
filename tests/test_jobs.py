"""--jobs N gives the same bytes as --jobs 1, with a broken file among many still reporting the rest."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import REPO, run


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_parallel_output_is_byte_identical(tmp_path: Path, fmt: str) -> None:
    tree = tmp_path / "samples"
    shutil.copytree(REPO / "samples", tree)
    (tree / "broken.md").write_text("---\ntitle: [oops\n---\n", encoding="utf-8")
    (tree / "sjis.md").write_bytes("今だけ半額".encode("cp932"))
    outputs = []
    for jobs in ("1", "2", "3"):
        code, out, _ = run(["check", str(tree), "--no-cache", "--jobs", jobs, "--format", fmt])
        assert code == 2
        outputs.append(out)
    assert outputs[0] == outputs[1] == outputs[2]
    if fmt == "text":
        assert "broken.md:3:1: error [input-error]" in outputs[0] and "sjis.md:1:1: error [input-error]" in outputs[0]
        assert "office-sale.md:7:16: warning [hard-sell]" in outputs[0]  # the others are still linted


def test_workers_are_forked_with_the_pipelines_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The parent loads each language's pipeline once before forking; no worker imports or loads one again."""
    import os
    import sys

    import spacy

    from contentlint.nlp import pipeline

    if not sys.platform.startswith("linux"):
        pytest.skip("workers are forked on Linux only")
    tree = tmp_path / "posts"
    for lang in ("en", "ja"):
        shutil.copytree(REPO / "samples" / lang, tree / lang)
    log = tmp_path / "loads"
    original = spacy.load

    def recording(*args: object, **kwargs: object) -> object:
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")
        return original(*args, **kwargs)

    monkeypatch.setattr(spacy, "load", recording)
    pipeline.load.cache_clear()
    code, out, _ = run(["check", str(tree), "--no-cache", "--jobs", "2"])
    assert code == 1 and "office-sale.md" in out and "[hard-sell]" in out
    assert log.read_text(encoding="utf-8").split() == [str(os.getpid())] * 2  # en and ja, in this process


def test_automatic_jobs_count_only_the_cpus_this_process_may_use(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from contentlint.run import FILES_PER_JOB, Runner, RunOptions
    from contentlint.sources.target import Target

    if not hasattr(os, "sched_getaffinity"):
        pytest.skip("no CPU affinity on this platform")
    targets = [Target(f"p{i}.md", Path(f"p{i}.md"), True) for i in range(FILES_PER_JOB * 8)]
    monkeypatch.setattr(os, "cpu_count", lambda: 8)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0})
    assert Runner(RunOptions())._jobs(targets) == 1
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1, 2})
    assert Runner(RunOptions())._jobs(targets) == 3
    assert Runner(RunOptions())._jobs(targets[:FILES_PER_JOB]) == 1  # too few files to pay for a second worker


def test_automatic_jobs_leave_out_the_cpus_other_work_keeps_busy(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from contentlint import run
    from contentlint.run import FILES_PER_JOB, Runner, RunOptions
    from contentlint.sources.target import Target

    targets = [Target(f"p{i}.md", Path(f"p{i}.md"), True) for i in range(FILES_PER_JOB * 8)]
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(run, "running_now", lambda: 1)  # another process is running as we start
    monkeypatch.setattr(os, "getloadavg", lambda: (0.2, 0.5, 0.5))
    assert Runner(RunOptions())._jobs(targets) == 2  # ... but only just: the last minute was idle
    monkeypatch.setattr(os, "getloadavg", lambda: (1.4, 0.5, 0.5))  # it keeps one CPU busy
    assert Runner(RunOptions())._jobs(targets) == 1
    monkeypatch.setattr(os, "getloadavg", lambda: (3.8, 3.5, 3.5))
    monkeypatch.setattr(run, "running_now", lambda: 3)
    assert Runner(RunOptions())._jobs(targets) == 1
    assert Runner(RunOptions(jobs=2))._jobs(targets) == 2  # an explicit count is kept
    # Work that kept the machine busy a moment ago and has ended (a CI step, the previous run) leaves the load
    # average high for a minute; what is running now decides.
    monkeypatch.setattr(run, "running_now", lambda: 0)
    assert Runner(RunOptions())._jobs(targets) == 2
    monkeypatch.setattr(run, "running_now", lambda: None)  # no /proc: the load average alone
    assert Runner(RunOptions())._jobs(targets) == 1


def test_running_now_counts_the_other_running_processes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from contentlint import run

    loadavg = tmp_path / "loadavg"
    monkeypatch.setattr(run, "LOADAVG", str(loadavg))
    loadavg.write_text("1.93 1.20 0.80 3/317 4242\n", encoding="ascii")
    assert run.running_now() == 2  # this process is one of the three
    loadavg.write_text("0.00 0.00 0.00 1/90 7\n", encoding="ascii")
    assert run.running_now() == 0
    loadavg.write_text("garbage\n", encoding="ascii")
    assert run.running_now() is None
    loadavg.unlink()
    assert run.running_now() is None


def test_workers_link_rules_to_the_docs_site_as_one_process_does(tmp_path: Path) -> None:
    import json

    (tmp_path / ".contentlint.yaml").write_text("docs_url: https://docs.example.com\n", encoding="utf-8")
    for name in ("a.md", "b.md", "c.md"):
        (tmp_path / name).write_text("---\ntitle: Spring sale\n---\nBuy now! Limited time only.\n", encoding="utf-8")
    outputs = [run(["check", str(tmp_path), "--no-cache", "--jobs", jobs, "--format", "sarif"])[1] for jobs in "13"]
    assert outputs[0] == outputs[1]
    rules = {r["id"]: r for r in json.loads(outputs[1])["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["hard-sell"]["helpUri"] == "https://docs.example.com/rules/hard-sell/"


def _recording_worker(*args: object) -> object:
    """`_outcomes_in_worker` that first notes its process and how many objects it inherited frozen (module-level,
    so that the pool can send it)."""
    import gc
    import os

    from contentlint import run as run_module

    with open(os.environ["FROZEN_LOG"], "a", encoding="utf-8") as handle:
        handle.write(f"{os.getpid()} {gc.get_freeze_count()}\n")
    return run_module.__dict__["_recorded_worker"](*args)


def test_workers_inherit_the_warm_objects_frozen_and_the_parent_unfreezes_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`gc.freeze` before the fork: the workers' collections never walk the pipelines and rule sets they inherit."""
    import gc
    import os
    import sys

    from contentlint import run as run_module

    if not sys.platform.startswith("linux"):
        pytest.skip("workers are forked on Linux only")
    tree = tmp_path / "posts"
    shutil.copytree(REPO / "samples" / "en", tree)
    log = tmp_path / "frozen"
    monkeypatch.setenv("FROZEN_LOG", str(log))
    monkeypatch.setitem(run_module.__dict__, "_recorded_worker", run_module._outcomes_in_worker)
    monkeypatch.setattr(run_module, "_outcomes_in_worker", _recording_worker)
    before = gc.get_freeze_count()
    code, _out, _ = run(["check", str(tree), "--no-cache", "--jobs", "2"])
    assert code == 1
    lines = [line.split() for line in log.read_text(encoding="utf-8").splitlines()]
    assert lines and all(pid != str(os.getpid()) and int(frozen) > 10_000 for pid, frozen in lines)
    assert gc.get_freeze_count() == before  # the parent collects as usual again
