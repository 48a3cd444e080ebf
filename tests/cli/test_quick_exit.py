"""The console script leaves without tearing the interpreter down, and loses nothing by it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# A console script run with a module-level object whose finaliser would speak at interpreter teardown, and an
# atexit handler registered while the command runs.
SCRIPT = textwrap.dedent(
    """
    import atexit, sys
    from contentlint import cli

    class Loud:
        def __del__(self):
            sys.stderr.write("torn down\\n")

    keep = Loud()
    main = cli.main

    def with_handler(argv=None):
        atexit.register(lambda: sys.stderr.write("late handler ran\\n"))
        return main(argv)

    cli.main = with_handler
    sys.argv = ["contentlint", *sys.argv[1:]]
    cli.run()
    """
)


def _script(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", SCRIPT, *args], capture_output=True, text=True, cwd=ROOT)


def test_the_script_skips_the_teardown_but_runs_later_handlers_and_keeps_its_exit_code() -> None:
    proc = _script("check", "--no-cache", "samples/en")
    assert proc.returncode == 1, proc.stderr  # the samples have warnings
    assert "late handler ran" in proc.stderr
    assert "torn down" not in proc.stderr


def test_every_line_of_a_long_report_is_written_before_the_process_ends() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "contentlint", "check", "--no-cache", "samples/"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) > 100
    assert lines[-1].endswith("posts") and "problems" in lines[-1]  # the summary, written last


def test_an_error_exit_keeps_code_2() -> None:
    proc = _script("check", "--no-cache", "no/such/post.md")
    assert proc.returncode == 2
    assert "no such file" in proc.stdout + proc.stderr


def test_in_process_main_does_not_arm_it() -> None:
    from contentlint.cli import main, quick_exit

    assert main(["--version"]) == 0
    assert quick_exit._code is None  # only the console script sets the code the process ends with
