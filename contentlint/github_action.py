"""The GitHub Action's step (`action.yml` runs `python -m contentlint.github_action`).

Reads the inputs GitHub passes as `INPUT_*` variables, lints in `GITHUB_WORKSPACE` with `--format github` (the
annotations on the pull request), appends the Markdown report to `GITHUB_STEP_SUMMARY`, optionally writes SARIF for
code scanning, and records `exit-code` (and `sarif-file`) in `GITHUB_OUTPUT`. The check's exit code is the step's:
the action's last step fails the job with it, after the SARIF upload had its chance to run.
"""

from __future__ import annotations

import os
import shlex
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from contentlint.cli import main

SARIF_FILE = "contentlint.sarif"


def _inputs(env: Mapping[str, str]) -> dict[str, str]:
    return {
        key[len("INPUT_") :].lower().replace("_", "-"): value.strip()
        for key, value in env.items()
        if key.startswith("INPUT_")
    }


def check_arguments(inputs: Mapping[str, str]) -> list[str]:
    """`contentlint check` options from the action's inputs (paths are split like a shell would)."""
    args = shlex.split(inputs.get("paths") or ".")
    if inputs.get("config"):
        args += ["--config", inputs["config"]]
    if inputs.get("fail-level"):
        args += ["--fail-level", inputs["fail-level"]]
    if inputs.get("fail-under"):
        args += ["--fail-under", inputs["fail-under"]]
    if inputs.get("gate"):
        args += ["--gate", inputs["gate"]]
    return args


def _shared(args: list[str]) -> list[str]:
    """The options `report` shares with `check` (it has no gate or fail level)."""
    out, words = [], iter(args)
    for arg in words:
        if arg in ("--fail-level", "--gate"):
            next(words, None)  # and its value
        else:
            out.append(arg)
    return out


def run(env: Mapping[str, str]) -> int:
    inputs = _inputs(env)
    workspace = env.get("GITHUB_WORKSPACE")
    if workspace:
        os.chdir(workspace)
    args = check_arguments(inputs)
    code = main(["check", *args, "--format", "github"])
    outputs = {"exit-code": str(code)}
    summary = env.get("GITHUB_STEP_SUMMARY")
    if summary:
        with tempfile.TemporaryDirectory() as folder:
            report = Path(folder) / "report.md"
            main(["report", *_shared(args), "--format", "markdown", "-o", str(report)])
            with open(summary, "a", encoding="utf-8") as handle:
                handle.write(report.read_text(encoding="utf-8") if report.exists() else "")
    if inputs.get("sarif", "false").lower() == "true":
        main(["report", *_shared(args), "--format", "sarif", "-o", SARIF_FILE])
        outputs["sarif-file"] = str(Path(SARIF_FILE).resolve())
    if env.get("GITHUB_OUTPUT"):
        with open(env["GITHUB_OUTPUT"], "a", encoding="utf-8") as handle:
            handle.writelines(f"{key}={value}\n" for key, value in outputs.items())
    return code


if __name__ == "__main__":
    sys.exit(run(os.environ))
