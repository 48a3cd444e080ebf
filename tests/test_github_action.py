"""The GitHub Action's step run with the environment GitHub sets: annotations, job summary, outputs, SARIF."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from contentlint import github_action
from tests.helpers import REPO

SALE = "---\ntitle: Spring sale\n---\nBuy now! Limited time only.\n"
HOWTO = (
    "---\ntitle: How to read a churn chart\n---\nYour churn chart shows who leaves and when. This guide walks you "
    "through it step by step.\n\n## Start with the cohort view\n\nPick the month people signed up, then follow "
    "the line to see how many are still active after one, three and six months. See [our cohort primer]"
    "(https://example.com/cohorts) if the chart is new to you.\n\n## Compare the early and the late leavers\n\n"
    "1. Export sign-up and cancellation dates.\n2. Group customers by the month they joined.\n3. Compare the "
    "curves: a steep drop in month one means onboarding, a slow slide after a year means changing needs.\n"
)


def github_env(tmp_path: Path, **inputs: str) -> dict[str, str]:
    env = {
        "GITHUB_WORKSPACE": str(tmp_path / "repo"),
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
        "GITHUB_OUTPUT": str(tmp_path / "output.txt"),
        "GITHUB_ACTIONS": "true",
    }
    env.update({f"INPUT_{key.upper()}": value for key, value in inputs.items()})
    return env


def outputs(tmp_path: Path) -> dict[str, str]:
    lines = (tmp_path / "output.txt").read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines)


@pytest.fixture
def repo(write: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write("repo/posts/sale.md", SALE)
    write("repo/posts/churn.md", HOWTO)
    monkeypatch.chdir(tmp_path)  # the step changes into GITHUB_WORKSPACE itself
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "repo"


def test_annotations_summary_and_exit_code(repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = github_action.run(github_env(tmp_path, paths="posts", fail_level="warning", sarif="false"))
    out = capsys.readouterr().out
    assert code == 1
    assert "::warning file=posts/sale.md,line=4" in out and "hard-sell" in out
    assert "churn.md" not in out.split("::warning")[0]
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith("#") and "sale.md" in summary and "hard-sell" in summary
    assert outputs(tmp_path) == {"exit-code": "1"}


def test_a_clean_post_passes_and_sarif_is_written_for_code_scanning(repo: Path, tmp_path: Path) -> None:
    code = github_action.run(github_env(tmp_path, paths="posts/churn.md", sarif="true"))
    assert code == 0
    written = outputs(tmp_path)
    assert written["exit-code"] == "0"
    sarif = json.loads(Path(written["sarif-file"]).read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["tool"]["driver"]["name"] == "contentlint"


def test_calendar_gate_inputs(repo: Path, tmp_path: Path, write: Callable[..., Path]) -> None:
    write(
        "repo/calendar.yaml",
        "entries:\n"
        + "".join(
            f"  - {{date: 2026-01-{day:02d}, title: 'Spring sale {day}: 30% off, buy now'}}\n" for day in range(5, 12)
        ),
    )
    code = github_action.run(github_env(tmp_path, paths="calendar.yaml", gate="mix", fail_under="80"))
    assert code == 1
    assert outputs(tmp_path)["exit-code"] == "1"


def test_action_yml_passes_every_input_the_step_reads() -> None:
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    lint = next(step for step in action["runs"]["steps"] if step.get("id") == "lint")
    assert lint["run"] == "python -m contentlint.github_action"
    passed = {key[len("INPUT_") :].lower().replace("_", "-") for key in lint["env"]}
    assert passed == set(action["inputs"]) - {"version", "python-version"}
    for key, value in lint["env"].items():
        name = key[len("INPUT_") :].lower().replace("_", "-")
        assert value == "${{ inputs." + name + " }}"
    assert {"exit-code", "sarif-file"} <= set(action["outputs"])
